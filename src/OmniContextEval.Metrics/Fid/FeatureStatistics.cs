namespace OmniContextEval.Metrics.Fid;

/// <summary>
/// Mean and sample covariance (ddof = 1) of a feature set, float64, as pytorch-fid's <c>mu</c> and <c>sigma</c>.
/// <see cref="Covariance"/> is <c>Dimension x Dimension</c>, row-major, symmetric.
/// </summary>
public sealed record FeatureStatistics(int Dimension, long Count, double[] Mean, double[] Covariance)
{
    public double CovarianceAt(int row, int column) => Covariance[row * Dimension + column];

    /// <summary>Sum of the diagonal of <see cref="Covariance"/>.</summary>
    public double CovarianceTrace()
    {
        double sum = 0;
        for (int i = 0; i < Dimension; i++)
            sum += Covariance[i * Dimension + i];
        return sum;
    }

    /// <summary>Statistics of the rows of <paramref name="features"/> (one streaming pass).</summary>
    public static FeatureStatistics Of(Numerics.FeatureMatrix features)
    {
        var accumulator = new FeatureStatisticsAccumulator(features.Dimension);
        for (int i = 0; i < features.Rows; i++)
            accumulator.Add(features.Row(i));
        return accumulator.ToStatistics();
    }
}
