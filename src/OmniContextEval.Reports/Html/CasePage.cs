using System.Text;
using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Results;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Core.Statistics;
using OmniContextEval.Reports.Results;
using static OmniContextEval.Reports.Html.HtmlText;

namespace OmniContextEval.Reports.Html;

/// <summary>cases/&lt;id&gt;.html: instruction, input/reference/output images, every raw and normalised score per seed, flags.</summary>
public static class CasePage
{
    /// <param name="pageFolder">The folder the page is written to (image links are relative to it).</param>
    public static string Render(CaseSummary summary, CaseDetails details, IReadOnlyList<CaseScore> seeds, string pageFolder)
    {
        var html = new StringBuilder(Head($"{summary.CaseId}: OmniContextEval"));
        html.Append("<body><header><h1>").Append(E(summary.CaseId)).Append("</h1><div class=\"sub\">")
            .Append(E($"{SubtaskInfo.PublishedName(summary.Subtask)} · {summary.Group.ToString().ToUpperInvariant()} · {summary.Tier.ToString().ToLowerInvariant()} · total {Score(summary.Total)} ± {Score(summary.TotalSpread)} over {summary.Outputs} seeds"))
            .Append("</div></header><main><p><a href=\"../index.html\">← back to the overview</a></p>");
        html.Append("<h2>Instruction</h2><div class=\"instruction\" id=\"instruction\">").Append(E(details.Instruction)).Append("</div>");
        if (details.Subjects.Count > 0)
            html.Append("<p>Subjects: ").Append(string.Join(" ", details.Subjects.Select(s => $"<span class=\"tag\">{E(s)}</span>"))).Append("</p>");
        html.Append("<h2>Images</h2><div class=\"images\">");
        for (var i = 0; i < details.InputImages.Count; i++) Figure(html, $"input {i + 1}", details.InputImages[i], pageFolder);
        Figure(html, "reference", details.ReferenceImage, pageFolder);
        foreach (var (seed, path) in details.Outputs) Figure(html, $"output, seed {seed}", path, pageFolder);
        html.Append("</div>");
        Scores(html, seeds);
        var reasons = seeds.SelectMany(s => s.NotComputed).DistinctBy(r => r.Key).ToList();
        if (reasons.Count > 0)
            html.Append("<p class=\"muted\">Not computed: ").Append(E(string.Join("; ", reasons.Select(r => $"{r.Key}: {r.Value}")))).Append("</p>");
        return html.Append("</main></body></html>\n").ToString();
    }

    private static void Figure(StringBuilder html, string caption, string? path, string pageFolder)
    {
        html.Append("<figure>");
        html.Append(path is null ? "<div class=\"none\">none</div>" : $"<img src=\"{E(RelativeUrl(pageFolder, path))}\" alt=\"{E(caption)}\" loading=\"lazy\">");
        html.Append($"<figcaption>{E(caption)}</figcaption></figure>");
    }

    /// <summary>One table, a column per seed: status, total, dimensions, then every metric as raw value and score.</summary>
    private static void Scores(StringBuilder html, IReadOnlyList<CaseScore> seeds)
    {
        html.Append("<h2>Scores per seed</h2>");
        foreach (var s in seeds.Where(s => s.Error is not null || s.Marks.Count + s.Flags.Count > 0))
            html.Append($"<p><strong>seed {Int(s.Seed)}</strong> ")
                .Append(s.Error is null ? "" : $"<span class=\"tag bad\">{E(s.Error)}</span> ")
                .Append(string.Join(" ", s.Flags.Select(f => $"<span class=\"tag bad\">{E(f)}</span>")))
                .Append(string.Join(" ", s.Marks.Select(m => $"<span class=\"tag\">{E(m)}</span>"))).Append("</p>");
        html.Append("<div class=\"table-wrap\"><table id=\"scores\"><thead><tr><th>dimension / metric</th>");
        foreach (var s in seeds) html.Append($"<th class=\"num\">seed {Int(s.Seed)}</th>");
        html.Append("</tr></thead><tbody><tr><td>status</td>");
        foreach (var s in seeds) html.Append($"<td class=\"num\"><span class=\"tag{(s.Status == GenerationStatus.Ok ? "" : " bad")}\">{E(s.Status.ToString().ToLowerInvariant())}</span></td>");
        html.Append("</tr><tr><td><strong>total</strong></td>");
        foreach (var s in seeds) html.Append($"<td class=\"num\"><strong>{Score(s.Total)}</strong></td>");
        html.Append("</tr>");
        foreach (var dimension in seeds.SelectMany(s => s.Dimensions.Keys).Distinct())
        {
            html.Append($"<tr><td><strong>{E(dimension.Replace('_', ' '))}</strong></td>");
            foreach (var s in seeds) html.Append($"<td class=\"num\">{(s.Dimensions.TryGetValue(dimension, out var v) ? Score(v) : "–")}</td>");
            html.Append("</tr>");
        }
        foreach (var metric in seeds.SelectMany(s => s.Metrics.Select(m => m.Name).Concat(s.NotComputed.Keys)).Distinct())
        {
            html.Append($"<tr><td>{E(metric)} <span class=\"muted\">raw → score</span></td>");
            foreach (var s in seeds) html.Append("<td class=\"num\">").Append(MetricCell(s, metric)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div>");
    }

    private static string MetricCell(CaseScore score, string metric)
    {
        if (score.Metrics.FirstOrDefault(m => m.Name == metric) is { } m)
            return $"{Raw(m.Raw)} → <strong>{Score(m.Score)}</strong>" +
                (m.ItemScores is { Count: > 1 } items ? $"<div class=\"muted\">items {E(string.Join(", ", items.Select(Score)))}</div>" : "");
        return score.NotComputed.TryGetValue(metric, out var reason) ? $"<span class=\"muted\" title=\"{E(reason)}\">not computed</span>" : "–";
    }
}
