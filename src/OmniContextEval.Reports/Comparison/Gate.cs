using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Core.Statistics;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Reports.Comparison;

/// <summary>One measure in the gate: the total or a dimension, candidate - baseline.</summary>
/// <param name="Regressed">The drop exceeds the margin and its interval lies below 0.</param>
public sealed record GateCheck(string Measure, double BaselineMean, double CandidateMean, PairedDifference Difference, bool Regressed);

/// <summary>A case's change in total (mean over seeds), candidate - baseline, in points.</summary>
public sealed record CaseDelta(string CaseId, Subtask Subtask, double Baseline, double Candidate)
{
    public double Delta => Candidate - Baseline;
}

/// <summary>The paired difference of the total over one subtask's cases, candidate - baseline (reported, not gated).</summary>
/// <param name="Subtask">The subtask's published name.</param>
public sealed record SubtaskDifference(string Subtask, PairedDifference Difference);

/// <summary>The gate's verdict with every check, the per-subtask differences and the cases that dropped most.</summary>
/// <param name="Margin">Points (0..100 scale) a measure may drop before it can count as a regression.</param>
public sealed record GateResult(string Baseline, string Candidate, double Margin, IReadOnlyList<GateCheck> Checks,
    IReadOnlyList<CaseDelta> MostRegressed, IReadOnlyList<SubtaskDifference> Subtasks)
{
    public bool Regressed => Checks.Any(c => c.Regressed);
}

/// <summary>
/// CI gate: paired comparison of a candidate run against a baseline over the same cases and seeds. A measure
/// (total or dimension) regresses when its mean drops by more than the margin and the paired bootstrap
/// interval of the difference lies entirely below 0 (Wilcoxon's p-value is reported beside it).
/// </summary>
public static class Gate
{
    public static GateResult Compare(RunResults baseline, RunResults candidate, double margin, StatisticsSpec settings,
        bool force = false, int worstCases = 10)
    {
        Compatibility.Check(baseline, candidate, force);
        var pairs = PairedCases.Pair(baseline, candidate);
        var checks = new List<GateCheck> { Check("total", pairs, null, margin, settings) };
        foreach (var dimension in baseline.Summary.Overall.Dimensions.Keys)
            if (pairs.Any(p => p.Baseline.Dimensions.ContainsKey(dimension) && p.Candidate.Dimensions.ContainsKey(dimension)))
                checks.Add(Check(dimension, pairs, dimension, margin, settings));
        var worst = pairs.Select(p => new CaseDelta(p.Baseline.CaseId, p.Baseline.Subtask, p.Baseline.Total, p.Candidate.Total))
            .Where(d => d.Delta < 0).OrderBy(d => d.Delta).ThenBy(d => d.CaseId, StringComparer.Ordinal).Take(worstCases).ToList();
        var subtasks = pairs.GroupBy(p => p.Baseline.Subtask).OrderBy(g => g.Key)
            .Select(g => new SubtaskDifference(SubtaskInfo.PublishedName(g.Key), PairedCases.Difference(g.ToList(), null, settings))).ToList();
        return new GateResult(baseline.RunId, candidate.RunId, margin, checks, worst, subtasks);
    }

    private static GateCheck Check(string measure, IReadOnlyList<(CaseSummary Baseline, CaseSummary Candidate)> pairs,
        string? dimension, double margin, StatisticsSpec settings)
    {
        var difference = PairedCases.Difference(pairs, dimension, settings);
        var usable = pairs.Where(p => dimension is null || (p.Baseline.Dimensions.ContainsKey(dimension) && p.Candidate.Dimensions.ContainsKey(dimension))).ToList();
        double Value(CaseSummary c) => dimension is null ? c.Total : c.Dimensions[dimension];
        return new GateCheck(measure, usable.Average(p => Value(p.Baseline)), usable.Average(p => Value(p.Candidate)), difference,
            difference.MeanDifference < -margin && difference.Upper < 0);
    }
}
