namespace OmniContextEval.Metrics.Fid;

/// <summary>
/// A FID value (lower is better; 0 for identical statistics) with what it depends on: the preprocessing mode,
/// the sample counts and feature dimension, whether pytorch-fid's eps retry was needed, and a warning when the
/// sets are too small for a full-rank covariance.
/// </summary>
public sealed record FidScore(double Value, string Mode, long CountA, long CountB, int Dimension, bool EpsilonRetried, string? Warning)
{
    /// <summary>Below this many samples per set the covariance of 2048-d features is rank-deficient (metrics-reference.md).</summary>
    public const int RecommendedSamples = 2048;

    public static FidScore From(FeatureStatistics a, FeatureStatistics b, FidMode mode)
    {
        var distance = FrechetDistance.Compute(a, b);
        return new FidScore(distance.Value, mode.Name(), a.Count, b.Count, a.Dimension, distance.EpsilonRetried, SampleWarning(a.Count, b.Count));
    }

    /// <summary>The warning shown beside FID for small sets, or null.</summary>
    public static string? SampleWarning(long countA, long countB)
    {
        if (countA == 0 || countB == 0)
            return "sample count not recorded in the statistics file; FID is biased upward below 2048 samples per set";
        long smaller = Math.Min(countA, countB);
        return smaller < RecommendedSamples
            ? $"only {smaller} samples in the smaller set (< {RecommendedSamples}): the covariance is rank-deficient and FID is biased upward; compare FIDs only at equal sample counts, or use KID"
            : null;
    }
}
