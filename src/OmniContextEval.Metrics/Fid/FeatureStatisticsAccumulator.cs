using System.Numerics;
using System.Runtime.CompilerServices;
using OmniContextEval.Numerics.LinearAlgebra;

namespace OmniContextEval.Metrics.Fid;

/// <summary>
/// Streams feature vectors into float64 mean and covariance without keeping them. Numerically careful: every
/// vector is shifted by the first one before its outer product is summed (the shifted-data algorithm), so the
/// large common mean of non-negative pool3 features does not cancel catastrophically. Vectors are buffered and
/// their outer products summed <see cref="BufferRows"/> at a time by <see cref="Gemm"/> (a rank-k update of the
/// upper triangle), always at the same row counts, so the result is bit-identical however the caller batches the
/// vectors and whatever the thread count.
/// </summary>
public sealed class FeatureStatisticsAccumulator
{
    /// <summary>Vectors per rank-k update: one depth slice of <see cref="Gemm"/>.</summary>
    public const int BufferRows = Gemm.DepthBlock;
    private readonly int _dimension;
    private readonly double[] _shift;
    private readonly double[] _sum;
    private readonly double[] _products; // upper triangle used, row-major
    private readonly double[] _buffer;
    private int _buffered;
    private long _count;

    public FeatureStatisticsAccumulator(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        _dimension = dimension;
        _shift = new double[dimension];
        _sum = new double[dimension];
        _products = new double[(long)dimension * dimension];
        _buffer = new double[BufferRows * dimension];
    }

    public long Count => _count;

    public void Add(ReadOnlySpan<float> feature)
    {
        if (feature.Length != _dimension)
            throw new ArgumentException($"feature has {feature.Length} values, expected {_dimension}", nameof(feature));
        if (_count == 0)
            for (int i = 0; i < _dimension; i++)
                _shift[i] = feature[i];
        Shift(feature, _shift, _buffer.AsSpan(_buffered * _dimension, _dimension), _sum);
        _count++;
        if (++_buffered == BufferRows)
            Flush();
    }

    /// <summary>Mean and covariance (ddof = 1) of everything added; needs at least 2 vectors.</summary>
    public FeatureStatistics ToStatistics()
    {
        if (_count < 2)
            throw new InvalidOperationException($"covariance needs at least 2 feature vectors, got {_count}");
        Flush();
        int d = _dimension;
        var mean = new double[d];
        var shiftedMean = new double[d];
        for (int i = 0; i < d; i++)
        {
            shiftedMean[i] = _sum[i] / _count;
            mean[i] = _shift[i] + shiftedMean[i];
        }
        var covariance = new double[(long)d * d];
        Parallelism.For(0, d, i => CovarianceRow(i, shiftedMean, covariance));
        MirrorUpper(covariance, d);
        return new FeatureStatistics(d, _count, mean, covariance);
    }

    /// <summary>row = feature - shift in float64; sum += row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Shift(ReadOnlySpan<float> feature, ReadOnlySpan<double> shift, Span<double> row, Span<double> sum)
    {
        for (int i = 0; i < row.Length; i++)
        {
            row[i] = feature[i] - shift[i];
            sum[i] += row[i];
        }
    }

    /// <summary>Covariance row i, on and right of the diagonal: (products - n m m^T) / (n - 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CovarianceRow(int i, double[] shiftedMean, double[] covariance)
    {
        int d = _dimension;
        double scale = _count * shiftedMean[i], divisor = _count - 1;
        var products = _products.AsSpan(i * d + i, d - i);
        var target = covariance.AsSpan(i * d + i, d - i);
        var means = shiftedMean.AsSpan(i, d - i);
        int width = Vector<double>.Count, j = 0;
        for (; j + width <= target.Length; j += width)
            ((new Vector<double>(products[j..]) - new Vector<double>(scale) * new Vector<double>(means[j..])) / new Vector<double>(divisor)).CopyTo(target[j..]);
        for (; j < target.Length; j++)
            target[j] = (products[j] - scale * means[j]) / divisor;
    }

    /// <summary>Copies the upper triangle onto the lower one, in tiles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MirrorUpper(double[] m, int n)
    {
        const int Tile = 32;
        for (int i0 = 0; i0 < n; i0 += Tile)
            for (int j0 = 0; j0 <= i0; j0 += Tile)
                for (int i = i0; i < Math.Min(n, i0 + Tile); i++)
                    for (int j = j0; j < Math.Min(i, j0 + Tile); j++)
                        m[i * n + j] = m[j * n + i];
    }

    private void Flush()
    {
        if (_buffered == 0)
            return;
        int d = _dimension;
        Gemm.MultiplyAdd(d, d, _buffered, 1, MatrixOperand.Transposed(_buffer, 0, d), MatrixOperand.RowMajor(_buffer, 0, d),
                         _products, 0, d, MatrixPart.Upper);
        _buffered = 0;
    }
}
