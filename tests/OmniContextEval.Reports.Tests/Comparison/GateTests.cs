using OmniContextEval.Core;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Reports.Comparison;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Reports.Tests.Comparison;

public class GateTests
{
    private static readonly StatisticsSpec Settings = ScoringSpecLoader.Default().Statistics;

    [Fact]
    public void A_clearly_worse_candidate_regresses_and_its_worst_cases_are_listed()
    {
        using var temp = new TempFolder();
        var baseline = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "base", 0));
        var candidate = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "worse", -0.2));
        var result = Gate.Compare(baseline, candidate, margin: 1.0, Settings);

        Assert.True(result.Regressed);
        var total = result.Checks.Single(c => c.Measure == "total");
        Assert.True(total.Regressed);
        Assert.True(total.Difference.Upper < -1.0, $"upper bound {total.Difference.Upper}");
        Assert.True(total.Difference.WilcoxonP < 0.01);
        Assert.NotEmpty(result.MostRegressed);
        Assert.True(result.MostRegressed.Zip(result.MostRegressed.Skip(1)).All(p => p.First.Delta <= p.Second.Delta));
        Assert.Contains("regression found", GateReport.Markdown(result));
        // Every subtask gets its paired difference, and the chart shows the total first, then each subtask.
        Assert.NotEmpty(result.Subtasks);
        Assert.All(result.Subtasks, s => Assert.True(s.Difference.Lower <= s.Difference.MeanDifference && s.Difference.MeanDifference <= s.Difference.Upper));
        var chart = Assert.IsType<Charts.IntervalData>(Charts.ComparisonCharts.Gate(result).Data);
        Assert.True(chart.Differences);
        Assert.Equal(["total", .. result.Subtasks.Select(s => s.Subtask)], chart.Rows.Select(r => r.Label));
    }

    [Fact]
    public void Noise_alone_does_not_regress()
    {
        using var temp = new TempFolder();
        var baseline = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "a", 0, noiseSeed: 1));
        var candidate = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "b", 0, noiseSeed: 2));
        var result = Gate.Compare(baseline, candidate, margin: 1.0, Settings);
        Assert.False(result.Regressed, GateReport.Markdown(result));
    }

    [Fact]
    public void A_drop_within_the_margin_passes()
    {
        using var temp = new TempFolder();
        var baseline = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "base", 0));
        var candidate = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "worse", -0.2));
        Assert.False(Gate.Compare(baseline, candidate, margin: 50, Settings).Regressed);
    }

    [Fact]
    public void A_candidate_lacking_baseline_cases_is_incompatible()
    {
        using var temp = new TempFolder();
        var baseline = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "base", 0));
        var candidate = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "small", 0));
        candidate = candidate with { Cases = candidate.Cases.Where(c => c.CaseId != "case004").ToList() };
        var error = Assert.Throws<HarnessException>(() => Gate.Compare(baseline, candidate, 1.0, Settings));
        Assert.Equal(ExitCodes.IncompatibleResults, error.ExitCode);
        Assert.Contains("case004", error.Message);
    }

    [Fact]
    public void Different_specifications_are_incompatible_unless_forced()
    {
        using var temp = new TempFolder();
        var baseline = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "base", 0));
        var candidate = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "other", 0));
        candidate = candidate with { Spec = candidate.Spec with { Sha256 = new string('f', 64) } };
        var error = Assert.Throws<IncompatibleResultsException>(() => Gate.Compare(baseline, candidate, 1.0, Settings));
        Assert.Equal(ExitCodes.IncompatibleResults, error.ExitCode);
        Assert.DoesNotContain("--", error.Message); // only the CLI names flags
        Assert.False(Gate.Compare(baseline, candidate, 1.0, Settings, force: true).Regressed);
    }

    [Fact]
    public void Different_suites_are_incompatible()
    {
        using var temp = new TempFolder();
        var baseline = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "base", 0));
        var candidate = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "other", 0));
        candidate = candidate with { Suite = candidate.Suite with { Sha256 = "different" } };
        Assert.Equal(ExitCodes.IncompatibleResults, Assert.Throws<IncompatibleResultsException>(() => Gate.Compare(baseline, candidate, 1.0, Settings)).ExitCode);
    }
}
