using System.Runtime.CompilerServices;

namespace OmniContextEval.Numerics.LinearAlgebra;

/// <summary>
/// Cholesky factorisation with diagonal pivoting of a symmetric positive semi-definite matrix, A = P L L^T P^T,
/// stopping at the numerical rank: when the largest remaining diagonal element is at most n * eps * max(diag(A))
/// (the default tolerance of LAPACK's dpstrf), or at a rank known beforehand (a covariance of k samples: k - 1). Pivoting is by threshold: the next diagonal element stays the pivot
/// while it is at least <see cref="Threshold"/> of the largest (a swap touches every row below), else the largest
/// is swapped in, so no pivot is small next to what is left. Blocked: inside a panel each column is computed from
/// the panel's previous columns (left-looking); after the panel the trailing matrix gets one rank-k update through
/// <see cref="Gemm"/>.
/// </summary>
internal static class PivotedCholesky
{
    private const int Panel = 96;

    /// <summary>The next diagonal element is kept as the pivot while it is at least this fraction of the largest.</summary>
    private const double Threshold = 0.1;

    /// <summary>
    /// Factors the lower triangle of <paramref name="a"/> (n x n, row-major) in place and returns the rank r.
    /// Afterwards row i, columns 0..min(i, r - 1), hold L (n x r, lower trapezoidal, rows in pivot order); the rest of
    /// the array is scratch. <paramref name="pivots"/>[i] is the original index of pivot row i. The factorisation stops
    /// after <paramref name="maxRank"/> columns at the latest.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Factor(double[] a, int n, int[] pivots, int maxRank = int.MaxValue)
    {
        for (int i = 0; i < n; i++)
            pivots[i] = i;
        double largest = 0;
        for (int i = 0; i < n; i++)
            largest = Math.Max(largest, a[i * n + i]);
        double tolerance = n * Eps * largest;
        var updates = new double[n]; // per row: sum of squares of its L entries in the current panel
        for (int k0 = 0; k0 < n; k0 += Panel)
        {
            int k1 = Math.Min(n, k0 + Panel);
            Array.Clear(updates, k0, n - k0);
            for (int j = k0; j < k1; j++)
            {
                if (j >= maxRank)
                    return j;
                int pivot = j;
                double current = a[j * n + j] - updates[j], best = current;
                for (int i = j + 1; i < n; i++)
                {
                    double candidate = a[i * n + i] - updates[i];
                    if (candidate > best)
                        (best, pivot) = (candidate, i);
                }
                if (!(best > tolerance))
                    return j;
                if (current >= Threshold * best)
                    (pivot, best) = (j, current);
                else
                {
                    Swap(a, n, j, pivot);
                    (updates[j], updates[pivot]) = (updates[pivot], updates[j]);
                    (pivots[j], pivots[pivot]) = (pivots[pivot], pivots[j]);
                }
                double diagonal = Math.Sqrt(best);
                a[j * n + j] = diagonal;
                ComputeColumn(a, n, k0, j, diagonal, updates);
            }
            int rest = n - k1;
            if (rest > 0)
                Gemm.MultiplyAdd(rest, rest, k1 - k0, -1, MatrixOperand.RowMajor(a, k1 * n + k0, n), MatrixOperand.Transposed(a, k1 * n + k0, n),
                                 a, k1 * n + k1, n, MatrixPart.Lower);
        }
        return n;
    }

    /// <summary>2^-52, the spacing of doubles at 1.</summary>
    private const double Eps = 2.220446049250313e-16;

    /// <summary>L[i, j] = (A[i, j] - L[i, k0..j) . L[j, k0..j)) / L[j, j] for every row i below j; rows are independent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ComputeColumn(double[] a, int n, int k0, int j, double diagonal, double[] updates)
    {
        int rows = n - j - 1;
        const int Chunk = 64;
        int chunks = (rows + Chunk - 1) / Chunk;
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Rows(int chunk)
        {
            var pivotRow = a.AsSpan(j * n + k0, j - k0);
            int end = Math.Min(n, j + 1 + (chunk + 1) * Chunk);
            for (int i = j + 1 + chunk * Chunk; i < end; i++)
            {
                double value = (a[i * n + j] - VectorKernels.Dot(a.AsSpan(i * n + k0, j - k0), pivotRow)) / diagonal;
                a[i * n + j] = value;
                updates[i] += value * value;
            }
        }
        if ((long)rows * (j - k0) < 1 << 16)
            for (int chunk = 0; chunk < chunks; chunk++)
                Rows(chunk);
        else
            Parallelism.For(0, chunks, Rows);
    }

    /// <summary>Symmetric swap of rows and columns j &lt; p in the lower triangle (and of the L rows to their left).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Swap(double[] a, int n, int j, int p)
    {
        for (int c = 0; c < j; c++)
            (a[j * n + c], a[p * n + c]) = (a[p * n + c], a[j * n + c]);
        (a[j * n + j], a[p * n + p]) = (a[p * n + p], a[j * n + j]);
        for (int i = j + 1; i < p; i++)
            (a[i * n + j], a[p * n + i]) = (a[p * n + i], a[i * n + j]);
        for (int i = p + 1; i < n; i++)
            (a[i * n + j], a[i * n + p]) = (a[i * n + p], a[i * n + j]);
    }
}
