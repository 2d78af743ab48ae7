using OmniContextEval.Core;
using OmniContextEval.Reports.Charts;
using OmniContextEval.Reports.Csv;
using OmniContextEval.Reports.Html;
using OmniContextEval.Reports.Markdown;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Reports;

/// <summary>
/// The report stage: from a results folder to reports/&lt;run&gt;/ with index.html (self-contained), a page per
/// case under cases/, summary.md, charts/*.svg and *.png (drawn by ScottPlot) and cases.csv.
/// </summary>
public static class ReportBuilder
{
    /// <summary>Writes the report for the results in <paramref name="resultsFolder"/>; returns the index.html path.</summary>
    public static string Write(string resultsFolder, string reportFolder)
    {
        var results = ResultsReader.Read(resultsFolder);
        var scores = ResultsReader.ReadScores(resultsFolder);
        return Write(results, scores, reportFolder);
    }

    public static string Write(RunResults results, IReadOnlyList<Core.Scoring.CaseScore> scores, string reportFolder)
    {
        var root = Path.GetFullPath(reportFolder);
        var casesFolder = Path.Combine(root, "cases");
        var byCase = scores.ToLookup(s => s.CaseId);
        var details = results.Details.ToDictionary(d => d.CaseId);
        foreach (var summary in results.Cases)
        {
            if (summary.CaseId is "." or ".." || summary.CaseId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || summary.CaseId.Contains('\\'))
                throw new HarnessException($"results of run {results.RunId}: case id '{summary.CaseId}' cannot name a report page file");
            if (!details.TryGetValue(summary.CaseId, out var detail))
                throw new HarnessException($"results of run {results.RunId}: case {summary.CaseId} has no details entry");
            AtomicFile.WriteAllText(Path.Combine(casesFolder, $"{summary.CaseId}.html"),
                CasePage.Render(summary, detail, byCase[summary.CaseId].OrderBy(s => s.Seed).ToList(), casesFolder));
        }
        var charts = ReportCharts.All(results, scores).Select(ChartRenderer.Render).ToList();
        var pngs = charts.Select(c => (c.Chart.Title, c.WriteTo(root))).ToList();
        AtomicFile.WriteAllText(Path.Combine(root, "summary.md"), MarkdownSummary.Render(results, pngs));
        AtomicFile.WriteAllText(Path.Combine(root, "cases.csv"), CsvExporter.Cases(results));
        var index = Path.Combine(root, "index.html");
        AtomicFile.WriteAllText(index, IndexPage.Render(results, charts));
        return index;
    }
}
