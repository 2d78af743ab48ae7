namespace OmniContextEval.Core.Statistics;

/// <summary>A mean with its percentile-bootstrap confidence interval over <see cref="N"/> cases (same units as the values).</summary>
public sealed record Estimate(double Mean, double Lower, double Upper, int N)
{
    /// <summary>Half the interval width, for "mean ± x" displays.</summary>
    public double HalfWidth => (Upper - Lower) / 2;
}

/// <summary>A paired difference candidate - baseline (positive: candidate better) with its interval and Wilcoxon p-value.</summary>
/// <param name="Significant">True when the interval excludes 0.</param>
public sealed record PairedDifference(double MeanDifference, double Lower, double Upper, int N, double WilcoxonP)
{
    public bool Significant => Lower > 0 || Upper < 0;
}
