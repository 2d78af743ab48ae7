using System.Text;
using static OmniContextEval.Reports.Markdown.MarkdownText;

namespace OmniContextEval.Reports.Comparison;

/// <summary>The gate's verdict as Markdown for a CI step summary.</summary>
public static class GateReport
{
    /// <param name="chartPng">Path of the paired-differences chart PNG relative to where the Markdown goes; none when null.</param>
    public static string Markdown(GateResult result, string? chartPng = null)
    {
        var md = new StringBuilder($"## OmniContextEval gate: {(result.Regressed ? "regression found" : "passed")}\n\n");
        md.Append($"Candidate `{Cell(result.Candidate)}` against baseline `{Cell(result.Baseline)}`, margin {Num(result.Margin)} points; ")
          .Append("differences are candidate - baseline over the same cases and seeds, with paired bootstrap 95% CIs and Wilcoxon signed-rank p-values.\n\n");
        if (chartPng is not null) md.Append(Image("Paired differences of the total per subtask", chartPng));
        md.Append("| measure | baseline | candidate | difference (95% CI) | Wilcoxon p | n | verdict |\n|---|---:|---:|---|---:|---:|---|\n");
        foreach (var c in result.Checks)
            md.Append($"| {Cell(c.Measure)} | {Num(c.BaselineMean)} | {Num(c.CandidateMean)} | {Signed(c.Difference.MeanDifference)} [{Signed(c.Difference.Lower)}, {Signed(c.Difference.Upper)}] | ")
              .Append($"{c.Difference.WilcoxonP.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)} | {c.Difference.N} | ")
              .Append(c.Regressed ? "**regressed**" : c.Difference.Significant ? (c.Difference.MeanDifference > 0 ? "improved" : "dropped within margin") : "no significant change").Append(" |\n");
        if (result.MostRegressed.Count > 0)
        {
            md.Append("\n### Cases that dropped most\n\n| case | subtask | baseline | candidate | change |\n|---|---|---:|---:|---:|\n");
            foreach (var d in result.MostRegressed)
                md.Append($"| {Cell(d.CaseId)} | {Core.Cases.SubtaskInfo.PublishedName(d.Subtask)} | {Num(d.Baseline)} | {Num(d.Candidate)} | {Signed(d.Delta)} |\n");
        }
        return md.ToString();
    }
}
