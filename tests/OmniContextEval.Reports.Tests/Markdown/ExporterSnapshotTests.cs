using OmniContextEval.Core.Scoring;
using OmniContextEval.Reports.Comparison;
using OmniContextEval.Reports.Csv;
using OmniContextEval.Reports.Markdown;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Reports.Tests.Markdown;

/// <summary>Markdown and CSV exporters against approved snapshots, in the invariant culture and one with comma decimals.</summary>
public class ExporterSnapshotTests
{
    public static TheoryData<string> Cultures => ["invariant", "comma"];

    private static T Render<T>(string culture, Func<T> render) =>
        culture == "invariant" ? Snapshot.Under(System.Globalization.CultureInfo.InvariantCulture, render) : Snapshot.Under(Snapshot.CommaCulture(), render);

    [Theory, MemberData(nameof(Cultures))]
    public void Summary_markdown(string culture)
    {
        using var temp = new TempFolder();
        var results = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "snapshot-run", 0));
        Snapshot.Match("summary.approved.md", Render(culture, () => MarkdownSummary.Render(results)));
    }

    [Theory, MemberData(nameof(Cultures))]
    public void Cases_and_scores_csv(string culture)
    {
        using var temp = new TempFolder();
        var folder = SyntheticScoring.ScoredRun(temp, "snapshot-run", 0);
        var results = ResultsReader.Read(folder);
        var scores = ResultsReader.ReadScores(folder);
        Snapshot.Match("cases.approved.csv", Render(culture, () => CsvExporter.Cases(results)));
        Snapshot.Match("scores.approved.csv", Render(culture, () => CsvExporter.Scores(results, scores)));
    }

    [Theory, MemberData(nameof(Cultures))]
    public void Gate_and_leaderboard_markdown(string culture)
    {
        using var temp = new TempFolder();
        var baseline = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "baseline", 0));
        var candidate = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "candidate", -0.1));
        var settings = ScoringSpecLoader.Default().Statistics;
        Snapshot.Match("gate.approved.md", Render(culture, () => GateReport.Markdown(Gate.Compare(baseline, candidate, 1.0, settings))));
        var entries = Leaderboard.Rank([baseline, candidate], settings);
        Snapshot.Match("leaderboard.approved.md", Render(culture, () => LeaderboardExport.Markdown(entries)));
        Snapshot.Match("leaderboard.approved.csv", Render(culture, () => LeaderboardExport.Csv(entries)));
    }
}
