using System.Diagnostics;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Core.Results;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Reports.Results;
using OmniContextEval.Reports.Scoring;

namespace OmniContextEval.Reports.Pipeline;

/// <summary>What <c>omnictx run</c> is asked for.</summary>
/// <param name="RunFolder">runs/&lt;run&gt;/: records, images (outputs/) and results.</param>
/// <param name="ReportFolder">reports/&lt;run&gt;/.</param>
public sealed record RunRequest(string SuitePath, string RunId, string RunFolder, string ReportFolder, IReadOnlyList<int> Seeds);

/// <summary>What a run produced; <see cref="ExitCode"/> is PartialFailure when some outputs failed or are missing.</summary>
public sealed record RunOutcome(RunResults Results, string ReportIndex, int ExitCode);

/// <summary>
/// <c>omnictx run</c>: generate, measure, score, report, in that order. Generation and measurement are
/// plugged in through <see cref="IGenerateStage"/> and <see cref="IMeasureStage"/>; each stage's records are
/// written before the next starts, so a later stage can be re-run on its own (<c>omnictx score</c>, <c>omnictx report</c>).
/// </summary>
public sealed class RunPipeline(ISuiteSource suites, IGenerateStage generator, IMeasureStage measurer,
    ScoringSpec spec, byte[] specBytes, TextWriter log)
{
    public async Task<RunOutcome> RunAsync(RunRequest request, CancellationToken cancel)
    {
        var timings = new Dictionary<string, double>();
        var suite = suites.Load(request.SuitePath);
        log.WriteLine($"suite {suite.Name}: {suite.Cases.Count} cases x {request.Seeds.Count} seeds = {suite.Cases.Count * request.Seeds.Count} outputs");
        var outputDir = Path.Combine(request.RunFolder, "outputs");

        var clock = Stopwatch.StartNew();
        var generated = await generator.GenerateAsync(suite, new GenerateRequest(outputDir, request.Seeds), cancel);
        JsonLines.Write(Path.Combine(request.RunFolder, ResultsFiles.Generation), generated.Records);
        timings["generate"] = clock.Elapsed.TotalSeconds;
        log.WriteLine($"generate: {generated.Records.Count(r => r.Status == GenerationStatus.Ok)} ok, {generated.Records.Count(r => r.Status != GenerationStatus.Ok)} failed or missing ({timings["generate"]:0.0} s)");

        clock.Restart();
        var measured = await measurer.MeasureAsync(suite, outputDir, generated.Records, cancel);
        JsonLines.Write(Path.Combine(request.RunFolder, ResultsFiles.RawMetrics), measured.Raw);
        AtomicFile.WriteAllText(Path.Combine(request.RunFolder, ResultsFiles.SetMetrics), JsonSerializer.Serialize(measured.SetLevel, JsonOptions.Indented));
        timings["measure"] = clock.Elapsed.TotalSeconds;
        if (measured.AbsentModels.Count > 0)
            log.WriteLine($"warning: models absent: {string.Join(", ", measured.AbsentModels)}; their metrics are not computed and the result is partial");

        var manifest = new RunManifest(request.RunId, request.Seeds, "outputs", generated.Generator, measured.ModelHashes,
            measured.AbsentModels, timings, measured.Inference);
        AtomicFile.WriteAllText(Path.Combine(request.RunFolder, ResultsFiles.Manifest), JsonSerializer.Serialize(manifest, JsonOptions.Indented));

        cancel.ThrowIfCancellationRequested();
        clock.Restart();
        var results = new ScoringService(spec, specBytes).ScoreAndWrite(suite, request.RunFolder);
        log.WriteLine($"score: total {results.Summary.Overall.Total.Mean:0.0} (95% CI {results.Summary.Overall.Total.Lower:0.0}-{results.Summary.Overall.Total.Upper:0.0}) ({clock.Elapsed.TotalSeconds:0.0} s)");

        clock.Restart();
        var index = ReportBuilder.Write(request.RunFolder, request.ReportFolder);
        log.WriteLine($"report: {index} ({clock.Elapsed.TotalSeconds:0.0} s)");

        var overall = results.Summary.Overall;
        return new RunOutcome(results, index, overall.Failed + overall.Missing > 0 ? ExitCodes.PartialFailure : ExitCodes.Success);
    }
}
