using System.Numerics;

namespace OmniContextEval.Metrics.Fid;

/// <summary>
/// Streams feature vectors into float64 mean and covariance without keeping them. Numerically careful: every
/// vector is shifted by the first one before its outer product is summed (the shifted-data algorithm), so the
/// large common mean of non-negative pool3 features does not cancel catastrophically. Vectors are buffered and
/// applied in a fixed order, so the result is bit-identical however the caller batches them.
/// </summary>
public sealed class FeatureStatisticsAccumulator
{
    private const int BufferRows = 32;
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
        var row = _buffer.AsSpan(_buffered * _dimension, _dimension);
        for (int i = 0; i < _dimension; i++)
        {
            row[i] = feature[i] - _shift[i];
            _sum[i] += row[i];
        }
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
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++)
            {
                double c = (_products[i * d + j] - _count * shiftedMean[i] * shiftedMean[j]) / (_count - 1);
                covariance[i * d + j] = c;
                covariance[j * d + i] = c;
            }
        return new FeatureStatistics(d, _count, mean, covariance);
    }

    private void Flush()
    {
        int d = _dimension, width = Vector<double>.Count;
        for (int k = 0; k < _buffered; k++)
        {
            var row = _buffer.AsSpan(k * d, d);
            for (int i = 0; i < d; i++)
            {
                double xi = row[i];
                if (xi == 0)
                    continue;
                var target = _products.AsSpan(i * d + i, d - i);
                var source = row[i..];
                var scale = new Vector<double>(xi);
                int j = 0;
                for (; j + width <= source.Length; j += width)
                    (new Vector<double>(target[j..]) + scale * new Vector<double>(source[j..])).CopyTo(target[j..]);
                for (; j < source.Length; j++)
                    target[j] += xi * source[j];
            }
        }
        _buffered = 0;
    }
}
