using OmniContextEval.Core;
using OmniContextEval.Core.Results;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Runs.Tests.Scoring;

public class RunScorerTests
{
    [Fact]
    public void Every_case_and_seed_is_scored_and_failures_count_as_zero()
    {
        using var temp = new TempFolder();
        var suite = SyntheticRun.Suite();
        var folder = SyntheticScoring.ScoredRun(temp, "run", 0, suite);
        var results = ResultsReader.Read(folder);
        var scores = ResultsReader.ReadScores(folder);

        Assert.Equal(48, scores.Count);
        Assert.Equal(48, results.Summary.Overall.Outputs);
        Assert.Equal(1, results.Summary.Overall.Failed);
        Assert.Equal(1, results.Summary.Overall.Missing);
        Assert.Equal(16, results.Summary.Overall.Total.N);
        var failed = scores.Single(s => s.Status == GenerationStatus.Failed);
        Assert.Equal(("case005", 1, 0.0), (failed.CaseId, failed.Seed, failed.Total));
        var case5 = results.Cases.Single(c => c.CaseId == "case005");
        Assert.Equal(scores.Where(s => s.CaseId == "case005").Average(s => s.Total), case5.Total, 12);
        Assert.False(results.Partial);
        Assert.Equal(8, results.Summary.BySubtask.Count);
        Assert.Equal(16, results.Summary.BySubtask.Sum(s => s.Cases));
    }

    [Fact]
    public void An_absent_model_makes_the_result_partial_and_names_the_model()
    {
        using var temp = new TempFolder();
        var folder = SyntheticScoring.ScoredRun(temp, "run", 0, absentModels: ["dinov2"]);
        var results = ResultsReader.Read(folder);
        Assert.True(results.Partial);
        Assert.Equal(["dinov2"], results.AbsentModels);
        Assert.Equal(46, results.NotComputedCounts[MetricNames.DinoGlobal]);
        var score = ResultsReader.ReadScores(folder).First(s => s.CaseId == "case000");
        Assert.True(score.Partial);
        Assert.Contains("dimension_missing:context_understanding", score.Marks);
        Assert.Contains($"not_computed:{MetricNames.DinoGlobal}", score.Marks);
        // Only the failed and missing outputs (scored 0 everywhere) carry the dimension.
        Assert.Equal(2, results.Summary.Overall.Dimensions["context_understanding"].N);
    }

    [Fact]
    public void A_generation_without_raw_record_is_missing_not_dropped()
    {
        using var temp = new TempFolder();
        var suite = SyntheticRun.Suite();
        var folder = temp.Sub("run");
        SyntheticRun.WriteRun(folder, suite);
        var rawPath = Path.Combine(folder, ResultsFiles.RawMetrics);
        File.WriteAllLines(rawPath, File.ReadAllLines(rawPath).Where(l => !l.Contains("\"caseId\":\"case000\"")));
        var results = SyntheticScoring.Score(folder, suite);
        Assert.Equal(3 + 1, results.Summary.Overall.Missing);
        Assert.Equal(0, results.Cases.Single(c => c.CaseId == "case000").Total);
    }

    [Fact]
    public void A_record_for_an_unknown_case_is_rejected_naming_file_and_case()
    {
        using var temp = new TempFolder();
        var folder = temp.Sub("run");
        SyntheticRun.WriteRun(folder, SyntheticRun.Suite());
        var error = Assert.Throws<HarnessException>(() => SyntheticScoring.Score(folder, SyntheticRun.Suite(caseCount: 4)));
        Assert.Contains("generation.jsonl", error.Message);
        Assert.Contains("case004", error.Message);
    }

    [Fact]
    public void Scoring_twice_gives_identical_scores()
    {
        using var temp = new TempFolder();
        var a = File.ReadAllText(Path.Combine(SyntheticScoring.ScoredRun(temp, "a", 0), ResultsFiles.Scores));
        var b = File.ReadAllText(Path.Combine(SyntheticScoring.ScoredRun(temp, "b", 0), ResultsFiles.Scores));
        Assert.Equal(a, b);
    }
}
