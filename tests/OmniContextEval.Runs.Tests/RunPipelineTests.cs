using OmniContextEval.Core;
using OmniContextEval.Core.Results;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Metrics.Measuring;
using OmniContextEval.Reports.Results;
using OmniContextEval.Runs.Stages;

namespace OmniContextEval.Runs.Tests;

public class RunPipelineTests
{
    /// <summary>Generates nothing: hands on the synthetic records (one failed, one missing) read before the run.</summary>
    private sealed class ReplayGenerate(IReadOnlyList<GenerationRecord> records, List<string> calls) : IRunStage<RunPlan, GeneratedRun>
    {
        public string Name => "generate";

        public Task<GeneratedRun> RunAsync(RunPlan plan, CancellationToken cancel)
        {
            calls.Add(Name);
            return Task.FromResult(new GeneratedRun(plan, "outputs/replay", records,
                new GeneratorProvenance("replay", "abc", new Dictionary<string, string> { ["steps"] = "4" }), 1.5));
        }
    }

    private sealed class ReplayMeasure(IReadOnlyList<RawCaseMetrics> raw, IReadOnlyList<string> absent, List<string> calls) : IRunStage<GeneratedRun, MeasuredRun>
    {
        public string Name => "measure";

        public Task<MeasuredRun> RunAsync(GeneratedRun generated, CancellationToken cancel)
        {
            calls.Add(Name);
            var measured = new MeasureResult(raw, SetLevelMetrics.None("not in this test"), new Dictionary<string, string> { ["clip"] = "hash" }, absent,
                [new StageTiming("clip-vit-b32-image", 3, 1, 0.5)], new InferenceInfo("ONNX Runtime test", "cpu"));
            return Task.FromResult(new MeasuredRun(generated, measured, 0.25));
        }
    }

    /// <summary>Wraps a real stage and records that it ran.</summary>
    private sealed class Recorded<TIn, TOut>(IRunStage<TIn, TOut> stage, List<string> calls) : IRunStage<TIn, TOut>
    {
        public string Name => stage.Name;

        public Task<TOut> RunAsync(TIn input, CancellationToken cancel)
        {
            calls.Add(Name);
            return stage.RunAsync(input, cancel);
        }
    }

    [Fact]
    public async Task Runs_each_stage_once_in_order_passing_results_in_memory_and_reports_failures()
    {
        using var temp = new TempFolder();
        var suite = SyntheticRun.Suite();
        var records = SyntheticRun.WriteRun(temp.Sub("records"), suite, absentModels: ["dinov2"]);
        var generation = JsonLines.Read<GenerationRecord>(Path.Combine(records, ResultsFiles.Generation));
        var raw = JsonLines.Read<RawCaseMetrics>(Path.Combine(records, ResultsFiles.RawMetrics));
        var calls = new List<string>();
        var log = new StringWriter();
        var pipeline = new RunPipeline(new ReplayGenerate(generation, calls), new ReplayMeasure(raw, ["dinov2"], calls),
            new Recorded<MeasuredRun, ScoredRun>(new ScoreStage(ScoringSpecLoader.Default(), ScoringSpecLoader.DefaultBytes()), calls),
            new Recorded<ScoredRun, ReportedRun>(new ReportStage(), calls), log);
        var runFolder = temp.Sub("run");
        var (run, exitCode) = await pipeline.RunAsync(new RunPlan(suite, "pipeline-run", runFolder, Path.Combine(temp.Path, "report"), SyntheticRun.Seeds),
            CancellationToken.None);

        Assert.Equal(["generate", "measure", "score", "report"], calls);
        Assert.Equal(ExitCodes.PartialFailure, exitCode);
        Assert.True(File.Exists(run.Index));
        var results = run.Scored.Results;
        Assert.True(results.Partial);
        Assert.Equal(["dinov2"], results.AbsentModels);
        Assert.Equal("replay", results.Provenance.Generator.Name);
        Assert.Equal(1.5, results.Provenance.TimingsSeconds["generate"]);
        Assert.Contains("warning: models absent: dinov2", log.ToString());
        Assert.Contains("Partial result", File.ReadAllText(run.Index));
        // The score stage wrote the results for `omnictx report` alone; the run itself took nothing from disk
        // (no generation or raw metric file was ever written into the run folder by the replayed stages).
        Assert.Equal("pipeline-run", ResultsReader.Read(runFolder).RunId);
        Assert.False(File.Exists(Path.Combine(runFolder, ResultsFiles.RawMetrics)));
        Assert.False(File.Exists(Path.Combine(runFolder, ResultsFiles.Generation)));
        Assert.Equal(48, run.Scored.Scores.Count);
    }

    [Fact]
    public void The_manifest_keeps_stage_and_per_network_timings()
    {
        var plan = new RunPlan(SyntheticRun.Suite(), "r", "/tmp/r", "/tmp/report", [0]);
        var generated = new GeneratedRun(plan, "outputs/native", [], GeneratorProvenance.Unknown, 2);
        var measured = new MeasureResult([], SetLevelMetrics.None("none"), new Dictionary<string, string>(), [],
            [new StageTiming("dinov2-vits14", 10, 2, 1.25)], new InferenceInfo("ONNX Runtime test", "cpu"));
        var manifest = new MeasuredRun(generated, measured, 3).Manifest;

        Assert.Equal("outputs/native", manifest.OutputDir);
        Assert.Equal(new Dictionary<string, double> { ["generate"] = 2, ["measure"] = 3 }, manifest.TimingsSeconds);
        Assert.Equal("dinov2-vits14", Assert.Single(manifest.MeasureTimings!).Name);
    }
}
