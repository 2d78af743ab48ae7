using System.Text;
using OmniContextEval.Core.Cases;
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
        foreach (var score in seeds) Seed(html, score);
        return html.Append("</main></body></html>\n").ToString();
    }

    private static void Figure(StringBuilder html, string caption, string? path, string pageFolder)
    {
        html.Append("<figure>");
        html.Append(path is null ? "<div class=\"none\">none</div>" : $"<img src=\"{E(RelativeUrl(pageFolder, path))}\" alt=\"{E(caption)}\" loading=\"lazy\">");
        html.Append($"<figcaption>{E(caption)}</figcaption></figure>");
    }

    private static void Seed(StringBuilder html, CaseScore score)
    {
        html.Append($"<h2>Seed {Int(score.Seed)}: total {Score(score.Total)} <span class=\"tag{(score.Status == Core.Results.GenerationStatus.Ok ? "" : " bad")}\">{E(score.Status.ToString().ToLowerInvariant())}</span></h2>");
        if (score.Error is not null) html.Append("<p class=\"banner\">").Append(E(score.Error)).Append("</p>");
        if (score.Marks.Count + score.Flags.Count > 0)
            html.Append("<p>").Append(string.Join(" ", score.Flags.Select(f => $"<span class=\"tag bad\">{E(f)}</span>")))
                .Append(string.Join(" ", score.Marks.Select(m => $"<span class=\"tag\">{E(m)}</span>"))).Append("</p>");
        html.Append("<table><thead><tr><th>dimension / metric</th><th class=\"num\">raw</th><th class=\"num\">score 0-100</th><th>per item (scores)</th></tr></thead><tbody>");
        foreach (var (dimension, value) in score.Dimensions)
            html.Append($"<tr><td><strong>{E(dimension.Replace('_', ' '))}</strong></td><td></td><td class=\"num\"><strong>{Score(value)}</strong></td><td></td></tr>");
        foreach (var m in score.Metrics)
            html.Append($"<tr><td>{E(m.Name)}</td><td class=\"num\">{Raw(m.Raw)}</td><td class=\"num\">{Score(m.Score)}</td><td>{E(m.ItemScores is null ? "" : string.Join(", ", m.ItemScores.Select(Score)))}</td></tr>");
        foreach (var (name, reason) in score.NotComputed)
            html.Append($"<tr><td>{E(name)}</td><td class=\"num\">–</td><td class=\"num\">–</td><td>not computed: {E(reason)}</td></tr>");
        html.Append("</tbody></table>");
    }
}
