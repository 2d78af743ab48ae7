using System.Runtime.CompilerServices;
using OmniContextEval.Numerics.LinearAlgebra;
using OmniContextEval.Metrics.Numerics;

namespace OmniContextEval.Metrics.Kid;

/// <summary>
/// Values of KID's polynomial kernel k(x, y) = (x.y / d + 1)^3 between the rows of two feature sets, in float64.
/// The dot products of all pairs come from <see cref="Gemm"/> (Gram matrices) and are turned into kernel values
/// once, while the three matrices fit in <see cref="MaxCachedEntries"/> doubles; otherwise each subset's rows are
/// gathered and its kernel matrices computed the same way. Every sum runs in a fixed order, so the result does not
/// depend on the thread count.
/// </summary>
internal sealed class KernelValues
{
    public const long MaxCachedEntries = 24L * 1024 * 1024;
    private readonly double[] _a, _b;
    private readonly int _d;
    private readonly Kernels? _all;

    /// <param name="maxCachedEntries">Largest total size of the three kernel matrices kept for all pairs (tests lower it).</param>
    public KernelValues(FeatureMatrix a, FeatureMatrix b, long maxCachedEntries = MaxCachedEntries)
    {
        _d = a.Dimension;
        _a = ToDouble(a.Values);
        _b = ToDouble(b.Values);
        if ((long)a.Rows * a.Rows + (long)b.Rows * b.Rows + (long)a.Rows * b.Rows <= maxCachedEntries)
            _all = Kernels.Of(_a, a.Rows, _b, b.Rows, _d);
    }

    /// <summary>Unbiased MMD^2 of rows <paramref name="x"/> of set A against rows <paramref name="y"/> of set B (equal counts, at least 2).</summary>
    public double UnbiasedMmd(int[] x, int[] y)
    {
        int m = x.Length;
        double kxx, kyy, kxy;
        if (_all is { } all)
            (kxx, kyy, kxy) = (WithinSum(all.AA, all.RowsA, x), WithinSum(all.BB, all.RowsB, y), CrossSum(all.AB, all.RowsB, x, y));
        else
        {
            var subset = Kernels.Of(Gather(_a, x), m, Gather(_b, y), m, _d);
            var identity = Enumerable.Range(0, m).ToArray();
            (kxx, kyy, kxy) = (WithinSum(subset.AA, m, identity), WithinSum(subset.BB, m, identity), CrossSum(subset.AB, m, identity, identity));
        }
        return (kxx + kyy) / ((double)m * (m - 1)) - 2 * kxy / ((double)m * m);
    }

    /// <summary>Sum over i != j of k[idx_i, idx_j] for a symmetric k (rows <paramref name="stride"/> apart): twice the sum below the diagonal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double WithinSum(double[] k, int stride, int[] idx)
    {
        double total = 0;
        for (int i = 1; i < idx.Length; i++)
            total += GatherSum(k.AsSpan(idx[i] * stride, stride), idx.AsSpan(0, i));
        return 2 * total;
    }

    /// <summary>Sum over all i, j of k[rows_i, columns_j] (rows of k <paramref name="stride"/> apart).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double CrossSum(double[] k, int stride, int[] rows, int[] columns)
    {
        double total = 0;
        foreach (int r in rows)
            total += GatherSum(k.AsSpan(r * stride, stride), columns);
        return total;
    }

    /// <summary>Sum of row[columns[j]] with four interleaved partial sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double GatherSum(ReadOnlySpan<double> row, ReadOnlySpan<int> columns)
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + 4 <= columns.Length; j += 4)
        {
            s0 += row[columns[j]];
            s1 += row[columns[j + 1]];
            s2 += row[columns[j + 2]];
            s3 += row[columns[j + 3]];
        }
        for (; j < columns.Length; j++)
            s0 += row[columns[j]];
        return (s0 + s1) + (s2 + s3);
    }

    private double[] Gather(double[] values, int[] rows)
    {
        var gathered = new double[rows.Length * _d];
        for (int i = 0; i < rows.Length; i++)
            values.AsSpan(rows[i] * _d, _d).CopyTo(gathered.AsSpan(i * _d));
        return gathered;
    }

    private static double[] ToDouble(float[] values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = values[i];
        return result;
    }

    /// <summary>Kernel matrices of A with A, B with B (both symmetric, full) and A with B, row-major.</summary>
    private sealed record Kernels(double[] AA, double[] BB, double[] AB, int RowsA, int RowsB)
    {
        public static Kernels Of(double[] a, int rowsA, double[] b, int rowsB, int d) =>
            new(Gram(a, rowsA, a, rowsA, d, symmetric: true), Gram(b, rowsB, b, rowsB, d, symmetric: true),
                Gram(a, rowsA, b, rowsB, d, symmetric: false), rowsA, rowsB);

        /// <summary>k(left_i, right_j) for all pairs, from the dot products left right^T.</summary>
        private static double[] Gram(double[] left, int rows, double[] right, int columns, int d, bool symmetric)
        {
            var k = new double[(long)rows * columns];
            Gemm.MultiplyAdd(rows, columns, d, 1, MatrixOperand.RowMajor(left, 0, d), MatrixOperand.Transposed(right, 0, d),
                             k, 0, columns, symmetric ? MatrixPart.Lower : MatrixPart.Full);
            Parallelism.For(0, rows, i => ToKernel(k, i, symmetric ? i + 1 : columns, columns, d));
            if (symmetric)
                for (int i = 0; i < rows; i++)
                    for (int j = 0; j < i; j++)
                        k[j * columns + i] = k[i * columns + j];
            return k;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void ToKernel(double[] k, int row, int count, int columns, double d)
        {
            var values = k.AsSpan(row * columns, count);
            for (int j = 0; j < values.Length; j++)
            {
                double t = values[j] / d + 1;
                values[j] = t * t * t;
            }
        }
    }
}
