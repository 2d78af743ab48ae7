using OmniContextEval.Core;
using OmniContextEval.Core.Results;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Reports.Pipeline;
using OmniContextEval.Reports.Results;
using OmniContextEval.Reports.Tests.Synthetic;

namespace OmniContextEval.Reports.Tests.Pipeline;

public class RunPipelineTests
{
    private sealed class FixedSuite(SuiteSnapshot suite) : ISuiteSource
    {
        public SuiteSnapshot Load(string path) => suite;
    }

    /// <summary>Generates nothing: replays the synthetic records (one failed, one missing).</summary>
    private sealed class ReplayGenerator(string recordsFolder) : IGenerateStage
    {
        public Task<GenerateOutcome> GenerateAsync(SuiteSnapshot suite, GenerateRequest request, CancellationToken cancel) =>
            Task.FromResult(new GenerateOutcome(JsonLines.Read<GenerationRecord>(Path.Combine(recordsFolder, ResultsFiles.Generation)),
                new GeneratorIdentity("replay", "abc", new Dictionary<string, string> { ["steps"] = "4" })));
    }

    private sealed class ReplayMeasurer(string recordsFolder, IReadOnlyList<string> absent) : IMeasureStage
    {
        public Task<MeasureOutcome> MeasureAsync(SuiteSnapshot suite, string outputDir, IReadOnlyList<GenerationRecord> records, CancellationToken cancel) =>
            Task.FromResult(new MeasureOutcome(JsonLines.Read<RawCaseMetrics>(Path.Combine(recordsFolder, ResultsFiles.RawMetrics)),
                SetLevelMetrics.None("not in this test"), new Dictionary<string, string> { ["clip"] = "hash" }, absent));
    }

    [Fact]
    public async Task Runs_every_stage_and_reports_failures_with_the_partial_failure_exit_code()
    {
        using var temp = new TempFolder();
        var suite = SyntheticRun.Suite();
        var records = SyntheticRun.WriteRun(temp.Sub("records"), suite, absentModels: ["dinov2"]);
        var log = new StringWriter();
        var pipeline = new RunPipeline(new FixedSuite(suite), new ReplayGenerator(records), new ReplayMeasurer(records, ["dinov2"]),
            ScoringSpecLoader.Default(), ScoringSpecLoader.DefaultBytes(), log);
        var outcome = await pipeline.RunAsync(new RunRequest("suite", "pipeline-run", temp.Sub("run"), Path.Combine(temp.Path, "report"), SyntheticRun.Seeds), CancellationToken.None);

        Assert.Equal(ExitCodes.PartialFailure, outcome.ExitCode);
        Assert.True(File.Exists(outcome.ReportIndex));
        Assert.True(outcome.Results.Partial);
        Assert.Equal(["dinov2"], outcome.Results.AbsentModels);
        Assert.Equal("replay", outcome.Results.Provenance.Generator.Name);
        Assert.Contains("generate", outcome.Results.Provenance.TimingsSeconds.Keys);
        Assert.Contains("warning: models absent: dinov2", log.ToString());
        Assert.Contains("Partial result", File.ReadAllText(outcome.ReportIndex));
        Assert.Equal("pipeline-run", ResultsReader.Read(Path.Combine(temp.Path, "run")).RunId);
    }
}
