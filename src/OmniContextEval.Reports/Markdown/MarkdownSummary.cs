using System.Text;
using OmniContextEval.Core.Statistics;
using OmniContextEval.Reports.Results;
using static OmniContextEval.Reports.Markdown.MarkdownText;

namespace OmniContextEval.Reports.Markdown;

/// <summary>summary.md: the run in a few tables, fit for a CI step summary (GitHub-flavoured Markdown, invariant numbers).</summary>
public static class MarkdownSummary
{
    /// <param name="charts">Chart PNGs to show after the total: (title, path relative to summary.md).</param>
    public static string Render(RunResults results, IReadOnlyList<(string Title, string Png)>? charts = null, int worstCases = 5)
    {
        var overall = results.Summary.Overall;
        var md = new StringBuilder();
        md.Append($"## OmniContextEval: {Cell(results.RunId)}\n\n");
        md.Append($"Suite `{Cell(results.Suite.Name)}` ({results.Suite.CaseCount} cases), seeds {string.Join(", ", results.Seeds)}, ")
          .Append($"scoring spec `{Cell(results.Spec.Name)}` v{results.Spec.Version} (`{results.Spec.Sha256[..12]}`)")
          .Append(results.Provenance.Inference is { } inference ? $", {Cell(inference.ToString())}.\n\n" : ".\n\n");
        if (results.Partial)
            md.Append($"> **Partial result**: models absent: {Cell(string.Join(", ", results.AbsentModels.DefaultIfEmpty("none")))}; ")
              .Append($"not computed: {Cell(string.Join(", ", results.NotComputedCounts.Select(n => $"{n.Key} ({n.Value})")))}.\n\n");
        md.Append($"**Total {Num(overall.Total.Mean)}** (95% CI {Num(overall.Total.Lower)} to {Num(overall.Total.Upper)}, n = {overall.Total.N} cases); ")
          .Append($"{overall.Outputs} outputs, {overall.Failed} failed, {overall.Missing} missing.\n\n");
        var set = results.SetLevel;
        md.Append("Set level: ").Append(string.Join(", ", set.Metrics.Select(m => $"{m.Name} {Raw(m.Raw)} (score {Num(m.Score)})")
            .Concat(set.NotComputed.Select(n => $"{n.Key} not computed"))))
          .Append($" over {set.SampleCount} outputs{(set.Metrics.Any(m => m.Name == "fid") && set.SampleCount < 2048 ? "; FID below 2048 samples is biased upward" : "")}.\n\n");
        foreach (var (title, png) in charts ?? []) md.Append(Image(title, png));
        Slices(md, "Slice", [overall], results);
        Slices(md, "Subtask", results.Summary.BySubtask, results);
        Slices(md, "Group", results.Summary.ByGroup, results);
        Slices(md, "Tier", results.Summary.ByTier, results);
        md.Append("### Worst cases\n\n| case | subtask | total | ± sd | flags |\n|---|---|---:|---:|---|\n");
        foreach (var c in results.Cases.OrderBy(c => c.Total).ThenBy(c => c.CaseId, StringComparer.Ordinal).Take(worstCases))
            md.Append($"| {Cell(c.CaseId)} | {Core.Cases.SubtaskInfo.PublishedName(c.Subtask)} | {Num(c.Total)} | {Num(c.TotalSpread)} | {Cell(string.Join(", ", c.Flags))} |\n");
        return md.ToString();
    }

    private static void Slices(StringBuilder md, string heading, IReadOnlyList<GroupSummary> slices, RunResults results)
    {
        var dimensions = results.Summary.Overall.Dimensions.Keys.ToList();
        md.Append($"| {heading} | n | total (95% CI) | ").Append(string.Join(" | ", dimensions)).Append(" | failed | missing |\n")
          .Append("|---|---:|---|").Append(string.Concat(dimensions.Select(_ => "---:|"))).Append("---:|---:|\n");
        foreach (var s in slices)
            md.Append($"| {Cell(s.Key)} | {s.Cases} | {Interval(s.Total)} | ")
              .Append(string.Join(" | ", dimensions.Select(d => s.Dimensions.TryGetValue(d, out var e) ? Num(e.Mean) : "–")))
              .Append($" | {s.Failed} | {s.Missing} |\n");
        md.Append('\n');
    }
}
