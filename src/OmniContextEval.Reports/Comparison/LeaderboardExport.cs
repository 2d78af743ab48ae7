using System.Text;
using OmniContextEval.Reports.Csv;
using OmniContextEval.Reports.Html;
using static OmniContextEval.Reports.Markdown.MarkdownText;

namespace OmniContextEval.Reports.Comparison;

/// <summary>The leaderboard as Markdown, CSV and a self-contained HTML table (invariant numbers, escaped names).</summary>
public static class LeaderboardExport
{
    /// <param name="chartPng">Path of the runs chart PNG relative to leaderboard.md; none when null.</param>
    public static string Markdown(IReadOnlyList<LeaderboardEntry> entries, string? chartPng = null)
    {
        var dimensions = entries[0].Dimensions.Keys.ToList();
        var subtasks = entries[0].Subtasks.Keys.ToList();
        var md = new StringBuilder("## OmniContextEval leaderboard\n\n");
        if (chartPng is not null) md.Append(Image("Runs ranked by total with 95% CIs", chartPng));
        md.Append("| rank | run | total (95% CI) | vs above | ").Append(string.Join(" | ", dimensions.Concat(subtasks))).Append(" |\n")
          .Append("|---:|---|---|---|").Append(string.Concat(dimensions.Concat(subtasks).Select(_ => "---:|"))).Append('\n');
        foreach (var e in entries)
            md.Append($"| {(e.TiedWithAbove ? "=" : "")}{e.Rank} | {Cell(e.RunId)}{(e.Partial ? " (partial)" : "")} | {Interval(e.Total)} | {Versus(e)} | ")
              .Append(string.Join(" | ", dimensions.Select(d => Value(e.Dimensions, d)).Concat(subtasks.Select(s => Value(e.Subtasks, s))))).Append(" |\n");
        md.Append("\n`=` marks a tie: the paired bootstrap interval of the difference to the run above includes 0.\n");
        return md.ToString();
    }

    public static string Csv(IReadOnlyList<LeaderboardEntry> entries)
    {
        var dimensions = entries[0].Dimensions.Keys.ToList();
        var subtasks = entries[0].Subtasks.Keys.ToList();
        return CsvExporter.Table(["rank", "tied_with_above", "run", "partial", "total", "total_lower", "total_upper", "cases",
                "diff_vs_above", "diff_lower", "diff_upper", "wilcoxon_p", .. dimensions, .. subtasks.Select(s => $"subtask_{s}")],
            entries.Select(e => (IEnumerable<string>)[
                e.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), e.TiedWithAbove ? "true" : "false", e.RunId, e.Partial ? "true" : "false",
                CsvExporter.Number(e.Total.Mean), CsvExporter.Number(e.Total.Lower), CsvExporter.Number(e.Total.Upper),
                e.Total.N.ToString(System.Globalization.CultureInfo.InvariantCulture),
                e.VersusAbove is { } v ? CsvExporter.Number(v.MeanDifference) : "", e.VersusAbove is { } l ? CsvExporter.Number(l.Lower) : "",
                e.VersusAbove is { } u ? CsvExporter.Number(u.Upper) : "", e.VersusAbove is { } p ? CsvExporter.Number(p.WilcoxonP) : "",
                .. dimensions.Select(d => e.Dimensions.TryGetValue(d, out var x) ? CsvExporter.Number(x) : ""),
                .. subtasks.Select(s => e.Subtasks.TryGetValue(s, out var x) ? CsvExporter.Number(x) : "")]));
    }

    /// <param name="chartSvg">The runs chart as SVG, inlined above the table; none when null.</param>
    public static string Html(IReadOnlyList<LeaderboardEntry> entries, string? chartSvg = null)
    {
        var dimensions = entries[0].Dimensions.Keys.ToList();
        var subtasks = entries[0].Subtasks.Keys.ToList();
        var html = new StringBuilder(HtmlText.Head("OmniContextEval leaderboard"));
        html.Append("<body><header><h1>OmniContextEval leaderboard</h1><div class=\"sub\">ranked by total; = marks a tie (paired difference not significant)</div></header><main class=\"wide\">")
            .Append(chartSvg is null ? "" : $"<figure class=\"chart\" id=\"chart-leaderboard\">{chartSvg}</figure>")
            .Append("<div class=\"table-wrap\"><table class=\"board\"><thead><tr>")
            .Append("<th class=\"num\">rank</th><th>run</th><th class=\"num\">total</th><th>95% CI</th><th>vs above</th>");
        foreach (var h in dimensions.Concat(subtasks)) html.Append($"<th class=\"num\">{HtmlText.E(h.Replace('_', ' '))}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var e in entries)
        {
            html.Append($"<tr><td class=\"num\">{(e.TiedWithAbove ? "=" : "")}{e.Rank}</td><td>{HtmlText.E(e.RunId)}{(e.Partial ? " <span class=\"tag bad\">partial</span>" : "")}</td>")
                .Append($"<td class=\"num\"><strong>{HtmlText.Score(e.Total.Mean)}</strong></td><td>{HtmlText.Score(e.Total.Lower)} – {HtmlText.Score(e.Total.Upper)}</td><td>{HtmlText.E(Versus(e))}</td>");
            foreach (var d in dimensions) html.Append($"<td class=\"num\">{Value(e.Dimensions, d)}</td>");
            foreach (var s in subtasks) html.Append($"<td class=\"num\">{Value(e.Subtasks, s)}</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table></div></main></body></html>\n").ToString();
    }

    private static string Versus(LeaderboardEntry e) => e.VersusAbove is { } v
        ? $"{Signed(v.MeanDifference)} [{Signed(v.Lower)}, {Signed(v.Upper)}]{(v.Significant ? "" : " (tie)")}" : "";

    private static string Value(IReadOnlyDictionary<string, double> values, string key) =>
        values.TryGetValue(key, out var v) ? Num(v) : "–";
}
