using System.Numerics;
using OmniContextEval.Metrics.Numerics;

namespace OmniContextEval.Metrics.Kid;

/// <summary>
/// Float64 dot products between the rows of two feature sets: all pairs precomputed (in parallel, each entry
/// computed independently, so the values do not depend on the thread count) while the three Gram matrices fit in
/// <see cref="MaxCachedEntries"/> doubles, otherwise computed on demand with the same arithmetic.
/// </summary>
internal sealed class DotProducts
{
    public const long MaxCachedEntries = 24L * 1024 * 1024;
    private readonly double[] _a, _b;
    private readonly int _na, _nb, _d;
    private readonly double[]? _aa, _bb, _ab;

    public DotProducts(FeatureMatrix a, FeatureMatrix b)
    {
        (_na, _nb, _d) = (a.Rows, b.Rows, a.Dimension);
        _a = a.Values.Select(v => (double)v).ToArray();
        _b = b.Values.Select(v => (double)v).ToArray();
        if ((long)_na * _na + (long)_nb * _nb + (long)_na * _nb > MaxCachedEntries)
            return;
        _aa = Gram(_a, _na, _a, _na);
        _bb = Gram(_b, _nb, _b, _nb);
        _ab = Gram(_a, _na, _b, _nb);
    }

    public double AA(int i, int j) => _aa?[i * _na + j] ?? Dot(_a, i, _a, j);
    public double BB(int i, int j) => _bb?[i * _nb + j] ?? Dot(_b, i, _b, j);
    public double AB(int i, int j) => _ab?[i * _nb + j] ?? Dot(_a, i, _b, j);

    private double[] Gram(double[] left, int rows, double[] right, int columns)
    {
        var result = new double[rows * columns];
        Parallel.For(0, rows, i =>
        {
            for (int j = 0; j < columns; j++)
                result[i * columns + j] = Dot(left, i, right, j);
        });
        return result;
    }

    private double Dot(double[] left, int i, double[] right, int j)
    {
        var u = left.AsSpan(i * _d, _d);
        var v = right.AsSpan(j * _d, _d);
        int width = Vector<double>.Count, k = 0;
        var acc = Vector<double>.Zero;
        for (; k + width <= _d; k += width)
            acc += new Vector<double>(u[k..]) * new Vector<double>(v[k..]);
        double sum = Vector.Sum(acc);
        for (; k < _d; k++)
            sum += u[k] * v[k];
        return sum;
    }
}
