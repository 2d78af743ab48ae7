using OmniContextEval.Core.Scoring;

namespace OmniContextEval.Core.Statistics;

/// <summary>
/// Seeded percentile bootstrap of a mean over cases. Every call with the same values and settings draws the
/// same resamples, so intervals are reproducible bit for bit.
/// </summary>
public static class Bootstrap
{
    /// <summary>The mean of <paramref name="values"/> with its two-sided percentile interval.</summary>
    public static Estimate Mean(IReadOnlyList<double> values, StatisticsSpec settings)
    {
        if (values.Count == 0) throw new ArgumentException("a mean needs at least one value", nameof(values));
        var mean = values.Average();
        if (values.Count == 1) return new Estimate(mean, mean, mean, 1);
        var means = ResampledMeans(values, settings);
        var (lower, upper) = Percentiles(means, settings.Confidence);
        return new Estimate(mean, lower, upper, values.Count);
    }

    /// <summary>Means of <see cref="StatisticsSpec.BootstrapResamples"/> resamples with replacement, sorted.</summary>
    public static double[] ResampledMeans(IReadOnlyList<double> values, StatisticsSpec settings)
    {
        var random = new SplitMix64(settings.BootstrapSeed ^ (ulong)values.Count);
        var means = new double[settings.BootstrapResamples];
        for (var b = 0; b < means.Length; b++)
        {
            double sum = 0;
            for (var i = 0; i < values.Count; i++) sum += values[random.NextInt(values.Count)];
            means[b] = sum / values.Count;
        }
        Array.Sort(means);
        return means;
    }

    /// <summary>The (1 - c) / 2 and (1 + c) / 2 quantiles of sorted values, linearly interpolated.</summary>
    public static (double Lower, double Upper) Percentiles(double[] sorted, double confidence)
    {
        var alpha = (1 - confidence) / 2;
        return (Quantile(sorted, alpha), Quantile(sorted, 1 - alpha));
    }

    /// <summary>The p-quantile of sorted values, linearly interpolated between neighbours (numpy's default).</summary>
    public static double Quantile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
