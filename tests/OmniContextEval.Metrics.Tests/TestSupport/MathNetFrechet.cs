using MathNet.Numerics.LinearAlgebra;

namespace OmniContextEval.Metrics.Tests.TestSupport;

/// <summary>
/// The independent oracle for Tr((S1 S2)^(1/2)), from MathNet.Numerics: symmetric eigendecompositions
/// S = Q diag(lambda) Q^T give square roots X = Q diag(sqrt(max(lambda, 0))), and Tr((S1 S2)^(1/2)) is the sum of the
/// singular values of X1^T X2 (its squared singular values are the eigenvalues of S1 S2). Taking square roots of the
/// factors' eigenvalues, not of the product's, keeps the product's tiny eigenvalues (1e-13 next to 1e4) accurate:
/// the form sqrt(eig(sqrt(S1) S2 sqrt(S1))) loses them to rounding at about 2e-8 of FID. Where the ranks are known (a
/// covariance of n samples has rank n - 1) only that many of the largest eigenvalues of each factor count.
/// </summary>
public static class MathNetFrechet
{
    public static double SqrtProductTrace(double[] s1, double[] s2, int d, int rank1 = int.MaxValue, int rank2 = int.MaxValue)
    {
        var x1 = SquareRoot(s1, d, rank1);
        var x2 = SquareRoot(s2, d, rank2);
        return x1.TransposeThisAndMultiply(x2).Svd(computeVectors: false).S.Sum();
    }

    /// <summary>Q diag(sqrt(lambda)) with the eigenvalues clipped at 0 and all but the <paramref name="rank"/> largest set to 0.</summary>
    private static Matrix<double> SquareRoot(double[] s, int d, int rank)
    {
        var evd = Matrix<double>.Build.DenseOfRowMajor(d, d, s).Evd(Symmetricity.Symmetric);
        var eigenvalues = evd.EigenValues.Select(e => e.Real).ToArray();
        var order = Enumerable.Range(0, d).OrderByDescending(i => eigenvalues[i]).ToArray();
        var roots = new double[d];
        foreach (int i in order.Take(Math.Min(rank, d)))
            roots[i] = Math.Sqrt(Math.Max(eigenvalues[i], 0));
        return evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalArray(roots);
    }
}
