using OmniContextEval.Numerics.LinearAlgebra;

namespace OmniContextEval.Metrics.Fid;

/// <summary>
/// Fréchet distance between two Gaussians: |mu1 - mu2|^2 + Tr(S1) + Tr(S2) - 2 Tr((S1 S2)^(1/2)), in float64.
/// Tr((S1 S2)^(1/2)) is taken in a stable symmetric form, the sum of square roots of the eigenvalues (clipped at 0)
/// of the congruence L^T S2 L with S1 = L L^T (<see cref="SqrtProductTrace"/>). As pytorch-fid does, when the result
/// is not finite it retries once with 1e-6 added to both diagonals (reported in <see cref="FrechetResult.EpsilonRetried"/>).
/// </summary>
public static class FrechetDistance
{
    /// <summary>The diagonal offset of pytorch-fid's retry.</summary>
    public const double RetryEpsilon = 1e-6;

    public static FrechetResult Compute(FeatureStatistics a, FeatureStatistics b)
    {
        if (a.Dimension != b.Dimension)
            throw new ArgumentException($"statistics have different dimensions: {a.Dimension} and {b.Dimension}");
        double value = Distance(a, b, 0);
        if (double.IsFinite(value))
            return new FrechetResult(value, false);
        return new FrechetResult(Distance(a, b, RetryEpsilon), true);
    }

    private static double Distance(FeatureStatistics a, FeatureStatistics b, double epsilon)
    {
        int d = a.Dimension;
        var (s1, s2) = epsilon == 0 ? (a.Covariance, b.Covariance) : ((double[])a.Covariance.Clone(), (double[])b.Covariance.Clone());
        for (int i = 0; i < d && epsilon != 0; i++)
        {
            s1[i * d + i] += epsilon;
            s2[i * d + i] += epsilon;
        }
        double meanTerm = 0, trace1 = 0, trace2 = 0;
        for (int i = 0; i < d; i++)
        {
            double diff = a.Mean[i] - b.Mean[i];
            meanTerm += diff * diff;
            trace1 += s1[i * d + i];
            trace2 += s2[i * d + i];
        }
        if (!double.IsFinite(meanTerm))
            return double.NaN;
        return meanTerm + trace1 + trace2 - 2 * SqrtProductTrace.Compute(s1, s2, d, RankBound(a, epsilon), RankBound(b, epsilon));
    }

    /// <summary>A covariance of n samples has rank at most n - 1 (unless the retry's epsilon was added); an unknown count (0) bounds nothing.</summary>
    private static int RankBound(FeatureStatistics s, double epsilon) =>
        epsilon == 0 && s.Count > 1 && s.Count <= s.Dimension ? (int)s.Count - 1 : s.Dimension;
}

/// <summary>A Fréchet distance (lower is better; 0 for identical Gaussians) and whether pytorch-fid's eps retry was needed.</summary>
public readonly record struct FrechetResult(double Value, bool EpsilonRetried);
