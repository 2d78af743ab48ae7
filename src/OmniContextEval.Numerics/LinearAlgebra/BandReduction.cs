using System.Runtime.CompilerServices;
namespace OmniContextEval.Numerics.LinearAlgebra;

/// <summary>
/// First stage of the two-stage tridiagonalisation (the method of LAPACK's dsytrd_sy2sb): reduces a symmetric
/// matrix to band form with <c>b</c> subdiagonals by orthogonal similarity. For each panel of b columns, a
/// Householder QR of the part below the band gives Q = I - V T V^T, and the trailing matrix becomes
/// Q^T A Q = A - V W^T - W V^T with W = X - V (T^T V^T X) / 2, X = A V T. The trailing matrix is read twice per
/// panel, both times by <see cref="Gemm"/>, instead of once per column as in a one-stage reduction, which is what
/// makes it compute-bound rather than memory-bound.
/// </summary>
internal static class BandReduction
{
    /// <summary>
    /// Reduces the symmetric n x n matrix whose element (r, c), r &gt;= c, is <c>a[c * n + r]</c> in place; afterwards
    /// the band (c &lt;= r &lt;= c + b) holds a matrix with the same eigenvalues, and the rest of the array is scratch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Reduce(double[] a, int n, int b)
    {
        // Rows of length m: V^T (k rows), W^T (k rows), V^T again, so that [V^T; W^T] and [W^T; V^T] are both contiguous.
        var rows = new double[3 * b * n];
        var z = new double[n * b];      // A V, m x k
        var x = new double[n * b];      // X = A V T, then W, m x k
        var t = new double[b * b];
        var g = new double[b * b];
        var h = new double[b * b];
        var tau = new double[b];
        for (int k0 = 0; k0 + b < n - 1; k0 += b)
        {
            int s = k0 + b, m = n - s, k = Math.Min(b, m);
            FactorPanel(a, n, k0, s, b, k, tau);
            for (int q = 0; q < k; q++)
            {
                var reflector = rows.AsSpan(q * m, m); // V^T row q: zeros, 1, then the stored tail
                reflector[..q].Clear();
                reflector[q] = 1;
                a.AsSpan((k0 + q) * n + s + q + 1, m - q - 1).CopyTo(reflector[(q + 1)..]);
                reflector.CopyTo(rows.AsSpan((2 * k + q) * m, m));
            }
            var v = MatrixOperand.Transposed(rows, 0, m);  // m x k
            var vt = MatrixOperand.RowMajor(rows, 0, m);   // k x m
            FormTriangularFactor(vt, v, m, k, tau, t, g);

            Array.Clear(z, 0, m * k);
            Gemm.MultiplyAdd(m, k, m, 1, new MatrixOperand(a, s * n + s, n, 1, MatrixPart.Symmetric), v, z, 0, k);
            Array.Clear(x, 0, m * k);
            Gemm.MultiplyAdd(m, k, k, 1, MatrixOperand.RowMajor(z, 0, k), MatrixOperand.RowMajor(t, 0, k, MatrixPart.Upper), x, 0, k);
            // W = X - V (T^T V^T X) / 2; T^T V^T X is symmetric.
            Array.Clear(g, 0, k * k);
            Gemm.MultiplyAdd(k, k, m, 1, vt, MatrixOperand.RowMajor(x, 0, k), g, 0, k);
            Array.Clear(h, 0, k * k);
            Gemm.MultiplyAdd(k, k, k, 1, MatrixOperand.Transposed(t, 0, k, MatrixPart.Lower), MatrixOperand.RowMajor(g, 0, k), h, 0, k);
            Gemm.MultiplyAdd(m, k, k, -0.5, v, MatrixOperand.RowMajor(h, 0, k), x, 0, k);
            for (int i = 0; i < m; i++)
                for (int q = 0; q < k; q++)
                    rows[(k + q) * m + i] = x[i * k + q];
            // A -= W V^T + V W^T on the stored triangle, element (c, r), r >= c, of the row-major array: [W V] [V W]^T.
            Gemm.MultiplyAdd(m, m, 2 * k, -1, MatrixOperand.Transposed(rows, k * m, m), MatrixOperand.RowMajor(rows, 0, m),
                             a, s * n + s, n, MatrixPart.Upper);
        }
    }

    /// <summary>Householder QR of the m x b panel below the band (column q contiguous at a[(k0 + q) * n + s..]); R stays in place, the reflectors below it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FactorPanel(double[] a, int n, int k0, int s, int b, int k, double[] tau)
    {
        int m = n - s;
        for (int q = 0; q < k; q++)
        {
            var column = a.AsSpan((k0 + q) * n + s + q, m - q);
            tau[q] = Householder.Make(column);
            if (tau[q] == 0)
                continue;
            for (int c = q + 1; c < b; c++)
                Householder.ApplyTo(column, tau[q], a.AsSpan((k0 + c) * n + s + q, m - q));
        }
    }

    /// <summary>T (k x k upper triangular, row-major) with H_0 H_1 ... H_{k-1} = I - V T V^T (forward, column-wise); g is scratch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FormTriangularFactor(MatrixOperand vt, MatrixOperand v, int m, int k, double[] tau, double[] t, double[] g)
    {
        Array.Clear(g, 0, k * k);
        Gemm.MultiplyAdd(k, k, m, 1, vt, v, g, 0, k, MatrixPart.Upper);
        Array.Clear(t, 0, k * k);
        for (int q = 0; q < k; q++)
        {
            t[q * k + q] = tau[q];
            for (int i = 0; i < q; i++)
            {
                double sum = 0;
                for (int l = i; l < q; l++)
                    sum += t[i * k + l] * g[l * k + q];
                t[i * k + q] = -tau[q] * sum;
            }
        }
    }
}
