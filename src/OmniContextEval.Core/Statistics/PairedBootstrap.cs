using OmniContextEval.Core.Scoring;

namespace OmniContextEval.Core.Statistics;

/// <summary>Paired comparison of two runs over the same cases: bootstrap of per-case differences plus Wilcoxon.</summary>
public static class PairedBootstrap
{
    /// <summary>candidate[i] - baseline[i] per case (each already averaged over the same seeds).</summary>
    public static PairedDifference Compare(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, StatisticsSpec settings)
    {
        if (baseline.Count != candidate.Count)
            throw new ArgumentException($"paired samples differ in length ({baseline.Count} vs {candidate.Count})");
        var differences = candidate.Zip(baseline, (c, b) => c - b).ToArray();
        var estimate = Bootstrap.Mean(differences, settings);
        return new PairedDifference(estimate.Mean, estimate.Lower, estimate.Upper, estimate.N,
            WilcoxonSignedRank.PValue(differences));
    }
}
