namespace OmniContextEval.Numerics.LinearAlgebra;

/// <summary>
/// Orthogonal similarity reduction of a symmetric matrix to tridiagonal form (same eigenvalues; no eigenvectors
/// kept), in two stages: <see cref="BandReduction"/> to a band of <see cref="DefaultBandwidth"/> subdiagonals, mostly matrix
/// products, then <see cref="BulgeChasing"/> on the band, in cache. A one-stage Householder reduction needs a
/// matrix-vector product with the whole trailing matrix per column, which at d = 2048 is bound by memory bandwidth.
/// </summary>
internal static class Tridiagonalization
{
    /// <summary>Subdiagonals of the intermediate band: wider makes the first stage's products faster and the second stage slower.</summary>
    public const int DefaultBandwidth = 32;

    /// <summary>
    /// Reduces the symmetric n x n matrix whose element (r, c), r &gt;= c, is <c>a[c * n + r]</c> (the upper triangle of
    /// a row-major array) to tridiagonal form: diagonal <paramref name="diagonal"/> (n) and off-diagonal
    /// <paramref name="offDiagonal"/> (n - 1). <paramref name="a"/> is overwritten.
    /// </summary>
    public static void Reduce(double[] a, int n, double[] diagonal, double[] offDiagonal, int bandwidth = DefaultBandwidth)
    {
        int b = Math.Max(1, Math.Min(bandwidth, n - 1));
        BandReduction.Reduce(a, n, b);
        BulgeChasing.Reduce(a, n, b, diagonal, offDiagonal);
    }
}
