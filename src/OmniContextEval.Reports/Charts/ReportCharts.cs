using System.Globalization;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Reports.Charts;

/// <summary>The charts of a run report, as data: totals and dimensions, slices, distributions, seeds.</summary>
public static class ReportCharts
{
    private const string Score = "score 0-100 (higher is better), bars: mean, whiskers: 95% CI";

    /// <param name="scores">Per-output scores (scores.jsonl), for the per-seed spread; may be empty.</param>
    public static IReadOnlyList<Chart> All(RunResults results, IReadOnlyList<CaseScore> scores)
    {
        var summary = results.Summary;
        var dimensions = new List<ChartRow> { ChartRow.From("total", summary.Overall.Total) };
        dimensions.AddRange(summary.Overall.Dimensions.Select(d => ChartRow.From(Label(d.Key), d.Value)));
        var totals = results.Cases.Select(c => c.Total).ToList();
        var spread = new List<ValueGroup> { new("total", totals) };
        spread.AddRange(summary.Overall.Dimensions.Keys.Select(d => new ValueGroup(Label(d),
            results.Cases.Where(c => c.Dimensions.ContainsKey(d)).Select(c => c.Dimensions[d]).ToList())));
        var charts = new List<Chart>
        {
            new("dimensions", "Total and dimensions", Score, new IntervalData(dimensions)),
            new("subtasks", "Total per subtask", Score, new IntervalData(summary.BySubtask.Select(s => ChartRow.From(s.Key, s.Total)).ToList())),
            new("groups", "Total per group", Score, new IntervalData(summary.ByGroup.Select(s => ChartRow.From(s.Key, s.Total)).ToList())),
            new("tiers", "Total per difficulty tier", Score, new IntervalData(summary.ByTier.Select(s => ChartRow.From(s.Key, s.Total)).ToList())),
            new("spread", "Case scores per dimension (mean over seeds): min, quartiles, median, max", "case score (0-100)", new DistributionData(spread)),
            new("distribution", "Distribution of case totals", "case total 0-100 (mean over seeds), bins of 5", new HistogramData(totals)),
        };
        var seeds = scores.GroupBy(s => s.Seed).OrderBy(g => g.Key)
            .Select(g => new ValueGroup($"seed {g.Key.ToString(CultureInfo.InvariantCulture)}", g.Select(s => s.Total).ToList())).ToList();
        if (seeds.Count > 0)
            charts.Add(new("seeds", "Case totals per seed: min, quartiles, median, max", "case total (0-100)", new DistributionData(seeds)));
        return charts;
    }

    private static string Label(string key) => key.Replace('_', ' ');
}
