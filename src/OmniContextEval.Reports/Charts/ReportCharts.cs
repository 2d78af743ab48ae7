using OmniContextEval.Reports.Results;

namespace OmniContextEval.Reports.Charts;

/// <summary>The charts of a run report, each as a Vega-Lite specification and a static SVG.</summary>
public static class ReportCharts
{
    /// <param name="Id">File and element id: dimensions, subtasks, groups, tiers, spread, distribution.</param>
    public sealed record Chart(string Id, string Title, string VegaLite, string Svg);

    public static IReadOnlyList<Chart> All(RunResults results)
    {
        var summary = results.Summary;
        var dimensions = new List<ChartRow> { ChartRow.From("total", summary.Overall.Total) };
        dimensions.AddRange(summary.Overall.Dimensions.Select(d => ChartRow.From(d.Key.Replace('_', ' '), d.Value)));
        var totals = results.Cases.Select(c => c.Total).ToList();
        var spread = new List<(string, IReadOnlyList<double>)> { ("total", totals) };
        spread.AddRange(summary.Overall.Dimensions.Keys.Select(d => (d.Replace('_', ' '),
            (IReadOnlyList<double>)results.Cases.Where(c => c.Dimensions.ContainsKey(d)).Select(c => c.Dimensions[d]).ToList())));
        return
        [
            Bars("dimensions", "Total and dimensions", dimensions),
            Bars("subtasks", "Total per subtask", summary.BySubtask.Select(s => ChartRow.From(s.Key, s.Total)).ToList()),
            Bars("groups", "Total per group", summary.ByGroup.Select(s => ChartRow.From(s.Key, s.Total)).ToList()),
            Bars("tiers", "Total per difficulty tier", summary.ByTier.Select(s => ChartRow.From(s.Key, s.Total)).ToList()),
            new("spread", "Case scores per dimension", VegaLiteCharts.BoxPlots("Case scores per dimension", spread),
                SvgCharts.BoxPlots("Case scores per dimension", spread)),
            new("distribution", "Distribution of case totals", VegaLiteCharts.Histogram("Distribution of case totals", totals),
                SvgCharts.Histogram("Distribution of case totals", totals)),
        ];
    }

    private static Chart Bars(string id, string title, IReadOnlyList<ChartRow> rows) =>
        new(id, title, VegaLiteCharts.IntervalBars(title, rows), SvgCharts.IntervalBars(title, rows));
}
