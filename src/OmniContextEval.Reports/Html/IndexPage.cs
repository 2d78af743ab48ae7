using System.Text;
using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Statistics;
using OmniContextEval.Reports.Charts;
using OmniContextEval.Reports.Results;
using static OmniContextEval.Reports.Html.HtmlText;

namespace OmniContextEval.Reports.Html;

/// <summary>index.html: a self-contained overview (styles, the small table script and the SVG charts inlined; no chart library).</summary>
public static class IndexPage
{
    /// <summary>How many of the lowest-scoring cases the "worst cases" table lists.</summary>
    public const int WorstCaseCount = 10;

    /// <param name="charts">The run's charts (<see cref="ReportCharts"/>), drawn; their SVGs are inlined.</param>
    public static string Render(RunResults results, IReadOnlyList<RenderedChart> charts)
    {
        var overall = results.Summary.Overall;
        var html = new StringBuilder(Head($"OmniContextEval: {results.RunId}"));
        html.Append("<body><header><h1>OmniContextEval report: ").Append(E(results.RunId)).Append("</h1><div class=\"sub\">")
            .Append(E($"suite {results.Suite.Name} ({results.Suite.CaseCount} cases) · seeds {string.Join(", ", results.Seeds)} · spec {results.Spec.Name} v{results.Spec.Version} · {results.CreatedUtc:yyyy-MM-dd HH:mm} UTC"))
            .Append("</div></header><main>");
        Banners(html, results);
        Cards(html, overall);
        Charts(html, charts);
        SetLevel(html, results);
        html.Append("<h2>Worst cases</h2>");
        CaseTable.Render(html, results.Cases.OrderBy(c => c.Total).ThenBy(c => c.CaseId, StringComparer.Ordinal).Take(WorstCaseCount).ToList(), null, overall.Dimensions.Keys.ToList());
        html.Append("<h2>All cases</h2><div class=\"controls\"><input id=\"filter\" type=\"search\" placeholder=\"Filter by case, subtask, flag...\" aria-label=\"filter\">")
            .Append("<select id=\"subtask-filter\" aria-label=\"subtask\"><option value=\"\">all subtasks</option>");
        foreach (var s in results.Summary.BySubtask) html.Append($"<option value=\"{E(s.Key)}\">{E(s.Key)}</option>");
        html.Append("</select></div>");
        CaseTable.Render(html, results.Cases, "cases", overall.Dimensions.Keys.ToList());
        ProvenanceSection(html, results);
        html.Append("<footer>Scores 0-100, higher is better; intervals are seeded percentile bootstrap 95% CIs over cases. ")
            .Append("Also: <a href=\"summary.md\">summary.md</a>, <a href=\"charts/dimensions.png\">charts/*.png and *.svg</a>, <a href=\"cases.csv\">cases.csv</a>.</footer></main>");
        html.Append("<script>").Append(Asset("report.js")).Append("</script>\n");
        return html.Append("</body></html>\n").ToString();
    }

    private static void Banners(StringBuilder html, RunResults results)
    {
        if (results.Partial)
            html.Append("<div class=\"banner\"><strong>Partial result.</strong> ")
                .Append(results.AbsentModels.Count > 0 ? E($"Models absent: {string.Join(", ", results.AbsentModels)}. ") : "")
                .Append(E($"Metrics not computed: {string.Join(", ", results.NotComputedCounts.Select(n => $"{n.Key} ({n.Value} outputs)"))}. "))
                .Append("Weights were renormalised; do not rank against complete results.</div>");
        var overall = results.Summary.Overall;
        if (overall.Failed + overall.Missing > 0)
            html.Append("<div class=\"banner\">").Append(E($"{overall.Failed} failed and {overall.Missing} missing outputs of {overall.Outputs}; each scores 0 and counts in every mean.")).Append("</div>");
    }

    private static void Cards(StringBuilder html, GroupSummary overall)
    {
        html.Append("<div class=\"cards\">");
        Card(html, "Total", overall.Total, "card total");
        foreach (var (name, estimate) in overall.Dimensions) Card(html, name.Replace('_', ' '), estimate, "card");
        html.Append("<div class=\"card\"><div class=\"label\">outputs</div><div class=\"value\">").Append(Int(overall.Outputs))
            .Append("</div><div class=\"ci\">").Append(E($"{overall.Cases} cases · {overall.Failed} failed · {overall.Missing} missing")).Append("</div></div></div>");
    }

    private static void Card(StringBuilder html, string label, Estimate estimate, string css) =>
        html.Append($"<div class=\"{css}\"><div class=\"label\">{E(label)}</div><div class=\"value\">{Score(estimate.Mean)}</div>")
            .Append($"<div class=\"ci\">95% CI {Score(estimate.Lower)} – {Score(estimate.Upper)} · n = {Int(estimate.N)}</div></div>");

    private static void Charts(StringBuilder html, IReadOnlyList<RenderedChart> charts)
    {
        html.Append("<h2>Scores</h2><div class=\"grid2\">");
        foreach (var chart in charts)
            html.Append($"<figure class=\"chart\" id=\"chart-{E(chart.Chart.Id)}\" aria-label=\"{E(chart.Chart.Title)}\">").Append(chart.Svg).Append("</figure>");
        html.Append("</div>");
    }

    private static void SetLevel(StringBuilder html, RunResults results)
    {
        var set = results.SetLevel;
        html.Append("<h2>Set-level metrics</h2><table><thead><tr><th>metric</th><th class=\"num\">raw</th><th class=\"num\">score</th><th>note</th></tr></thead><tbody>");
        foreach (var m in set.Metrics)
            html.Append($"<tr><td>{E(m.Name)}</td><td class=\"num\">{Raw(m.Raw)}</td><td class=\"num\">{Score(m.Score)}</td><td>")
                .Append(E(m.Name == "fid" && set.SampleCount < 2048 ? $"{set.SampleCount} samples: below 2048 FID is biased upward" : $"{set.SampleCount} samples")).Append("</td></tr>");
        foreach (var (name, reason) in set.NotComputed)
            html.Append($"<tr><td>{E(name)}</td><td class=\"num\">–</td><td class=\"num\">–</td><td>not computed: {E(reason)}</td></tr>");
        html.Append("</tbody></table>");
    }

    private static void ProvenanceSection(StringBuilder html, RunResults results)
    {
        var p = results.Provenance;
        html.Append("<h2>Provenance</h2><dl class=\"meta\">");
        void Row(string key, string value) => html.Append($"<dt>{E(key)}</dt><dd>{E(value)}</dd>");
        Row("harness", $"{p.HarnessVersion} (commit {p.GitCommit})");
        Row("suite", $"{results.Suite.Name} sha256 {results.Suite.Sha256}");
        Row("scoring spec", $"{results.Spec.Name} v{results.Spec.Version} sha256 {results.Spec.Sha256}");
        Row("generator", $"{p.Generator.Name} config {p.Generator.ConfigHash} {string.Join(", ", p.Generator.Config.Select(c => $"{c.Key}={c.Value}"))}");
        foreach (var (model, hash) in p.Models) Row($"model {model}", hash);
        Row("inference", p.Inference?.ToString() ?? "not recorded");
        Row("machine", $"{p.Machine.Os}, {p.Machine.Architecture}, {p.Machine.Cores} cores, {p.Machine.Runtime}");
        Row("timings", string.Join(", ", p.TimingsSeconds.Select(t => $"{t.Key} {Raw(Math.Round(t.Value, 1))} s")));
        html.Append("</dl>");
    }
}
