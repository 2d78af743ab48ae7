using OmniContextEval.Core;
using OmniContextEval.Core.Statistics;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Reports.Comparison;

/// <summary>Case-by-case pairing of two runs over the same cases and seeds.</summary>
public static class PairedCases
{
    /// <summary>The baseline's cases with their candidate counterparts; every baseline case must exist in the candidate.</summary>
    public static IReadOnlyList<(CaseSummary Baseline, CaseSummary Candidate)> Pair(RunResults baseline, RunResults candidate)
    {
        if (!baseline.Seeds.Order().SequenceEqual(candidate.Seeds.Order()))
            throw new HarnessException($"runs '{baseline.RunId}' (seeds {string.Join(",", baseline.Seeds)}) and '{candidate.RunId}' (seeds {string.Join(",", candidate.Seeds)}) used different seeds; a paired comparison needs the same seeds",
                ExitCodes.IncompatibleResults);
        var byId = candidate.Cases.ToDictionary(c => c.CaseId);
        var lacking = baseline.Cases.Where(c => !byId.ContainsKey(c.CaseId)).Select(c => c.CaseId).ToList();
        if (lacking.Count > 0)
            throw new HarnessException($"candidate '{candidate.RunId}' lacks {lacking.Count} case(s) of baseline '{baseline.RunId}': {string.Join(", ", lacking.Take(5))}{(lacking.Count > 5 ? ", ..." : "")}",
                ExitCodes.IncompatibleResults);
        return baseline.Cases.Select(b => (b, byId[b.CaseId])).ToList();
    }

    /// <summary>Paired difference (candidate - baseline) of the total, or of a dimension over cases that have it in both runs.</summary>
    public static PairedDifference Difference(IReadOnlyList<(CaseSummary Baseline, CaseSummary Candidate)> pairs, string? dimension,
        Core.Scoring.StatisticsSpec settings)
    {
        var usable = pairs.Where(p => dimension is null || (p.Baseline.Dimensions.ContainsKey(dimension) && p.Candidate.Dimensions.ContainsKey(dimension))).ToList();
        if (usable.Count == 0) throw new HarnessException($"no case has dimension '{dimension}' in both runs");
        double Value(CaseSummary c) => dimension is null ? c.Total : c.Dimensions[dimension];
        return PairedBootstrap.Compare(usable.Select(p => Value(p.Baseline)).ToList(), usable.Select(p => Value(p.Candidate)).ToList(), settings);
    }
}
