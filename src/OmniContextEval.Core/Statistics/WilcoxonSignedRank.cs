using MathNet.Numerics.Distributions;

namespace OmniContextEval.Core.Statistics;

/// <summary>
/// Two-sided Wilcoxon signed-rank test of paired differences against 0: zero differences dropped (Wilcoxon's
/// convention), average ranks for ties, normal approximation with tie and continuity corrections.
/// </summary>
public static class WilcoxonSignedRank
{
    /// <summary>The two-sided p-value; 1 when no difference is non-zero.</summary>
    public static double PValue(IReadOnlyList<double> differences)
    {
        var nonZero = differences.Where(d => d != 0 && !double.IsNaN(d)).OrderBy(Math.Abs).ToArray();
        var n = nonZero.Length;
        if (n == 0) return 1;
        double positiveRankSum = 0, tieCorrection = 0;
        for (var start = 0; start < n;)
        {
            var end = start;
            while (end + 1 < n && Math.Abs(nonZero[end + 1]) == Math.Abs(nonZero[start])) end++;
            var rank = (start + end) / 2.0 + 1;
            var ties = end - start + 1;
            tieCorrection += ties * ((double)ties * ties - 1);
            for (var i = start; i <= end; i++) if (nonZero[i] > 0) positiveRankSum += rank;
            start = end + 1;
        }
        var expected = n * (n + 1) / 4.0;
        var variance = n * (n + 1) * (2.0 * n + 1) / 24 - tieCorrection / 48;
        if (variance <= 0) return 1;
        var z = (Math.Abs(positiveRankSum - expected) - 0.5) / Math.Sqrt(variance);
        return Math.Min(1, 2 * (1 - Normal.CDF(0, 1, Math.Max(z, 0))));
    }
}
