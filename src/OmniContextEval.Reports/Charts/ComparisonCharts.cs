using System.Globalization;
using OmniContextEval.Core.Statistics;
using OmniContextEval.Reports.Comparison;

namespace OmniContextEval.Reports.Charts;

/// <summary>The charts of the gate and the leaderboard, as data.</summary>
public static class ComparisonCharts
{
    /// <summary>Paired differences (candidate - baseline) of the total, overall and per subtask, with 95% CIs.</summary>
    public static Chart Gate(GateResult result)
    {
        var total = result.Checks.First(c => c.Measure == "total").Difference;
        var rows = new List<ChartRow> { Row("total", total) };
        rows.AddRange(result.Subtasks.Select(s => Row(s.Subtask, s.Difference)));
        return new Chart("gate-differences", $"{result.Candidate} - {result.Baseline}: total per subtask",
            "paired difference in points (candidate - baseline), whiskers: 95% CI", new IntervalData(rows, Differences: true));
    }

    /// <summary>Each run's total with its 95% CI, in rank order.</summary>
    public static Chart Leaderboard(IReadOnlyList<LeaderboardEntry> entries) =>
        new("leaderboard", "Runs ranked by total", "total 0-100 (higher is better), bars: mean, whiskers: 95% CI",
            new IntervalData(entries.Select(e => ChartRow.From(
                $"{(e.TiedWithAbove ? "=" : "")}{e.Rank.ToString(CultureInfo.InvariantCulture)}. {e.RunId}{(e.Partial ? " (partial)" : "")}", e.Total)).ToList()));

    private static ChartRow Row(string label, PairedDifference d) => new(label, d.MeanDifference, d.Lower, d.Upper, d.N);
}
