using OmniContextEval.Core;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Reports.Comparison;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Reports.Tests.Comparison;

public class LeaderboardTests
{
    private static readonly StatisticsSpec Settings = ScoringSpecLoader.Default().Statistics;

    [Fact]
    public void Ranks_by_total_and_ties_runs_whose_difference_is_not_significant()
    {
        using var temp = new TempFolder();
        var runs = new[]
        {
            ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "weak", -0.2)),
            ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "strong", 0.2)),
            ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "strong-again", 0.2, noiseSeed: 99)),
        };
        var entries = Leaderboard.Rank(runs, Settings);

        Assert.Equal(["strong", "strong-again"], entries.Take(2).Select(e => e.RunId).Order());
        Assert.Equal("weak", entries[2].RunId);
        Assert.Equal(1, entries[0].Rank);
        Assert.True(entries[1].TiedWithAbove);
        Assert.Equal(1, entries[1].Rank);
        Assert.False(entries[2].TiedWithAbove);
        Assert.Equal(3, entries[2].Rank);
        Assert.Equal(8, entries[0].Subtasks.Count);
        Assert.Contains("| =1 |", LeaderboardExport.Markdown(entries));
    }

    [Fact]
    public void A_partial_run_is_not_ranked_against_a_complete_one_without_force()
    {
        using var temp = new TempFolder();
        var complete = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "complete", 0));
        var partial = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "partial", 0, absentModels: ["dinov2"]));
        var error = Assert.Throws<IncompatibleResultsException>(() => Leaderboard.Rank([complete, partial], Settings));
        Assert.Equal(ExitCodes.IncompatibleResults, error.ExitCode);
        Assert.Contains("partial", error.Message);
        Assert.Contains("dinov2", error.Message);
        Assert.True(Leaderboard.Rank([complete, partial], Settings, force: true).Single(e => e.RunId == "partial").Partial);
    }
}
