using System.Diagnostics;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Generation.Running;
using OmniContextEval.Metrics.Measuring;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Runs.Stages;

/// <summary>
/// The measure stage: the Metrics library's <see cref="OutputSetMeasurer"/> over the generated records. Writes
/// metrics.raw.jsonl, metrics.set.json and run.json (for <c>omnictx score</c> alone) and hands the results on in memory.
/// </summary>
public sealed class MeasureStage(MeasureSettings settings, TextWriter log) : IRunStage<GeneratedRun, MeasuredRun>
{
    public string Name => "measure";

    public async Task<MeasuredRun> RunAsync(GeneratedRun generated, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var (suite, folder) = (generated.Plan.Suite, generated.Plan.RunFolder);
        var progressClock = Stopwatch.StartNew();
        var line = new ProgressLine(log);
        var progress = new ImagePassProgress(p => line.Report(new GenerationProgress(p.Done, p.Total, 0, 0, progressClock.Elapsed)));
        MeasureResult measured;
        try
        {
            measured = await new OutputSetMeasurer(settings, log).MeasureAsync(suite.Cases, suite.Root,
                Path.Combine(folder, generated.OutputDir), generated.Records, progress, cancel);
        }
        finally { line.End(); }
        foreach (var timing in measured.Timings)
            log.WriteLine($"  {timing}");
        JsonLines.Write(Path.Combine(folder, ResultsFiles.RawMetrics), measured.Raw);
        AtomicFile.WriteAllText(Path.Combine(folder, ResultsFiles.SetMetrics), JsonSerializer.Serialize(measured.SetLevel, JsonOptions.Indented));
        var result = new MeasuredRun(generated, measured, clock.Elapsed.TotalSeconds);
        AtomicFile.WriteAllText(Path.Combine(folder, ResultsFiles.Manifest), JsonSerializer.Serialize(result.Manifest, JsonOptions.Indented));
        return result;
    }

    /// <summary>Reports synchronously (unlike <see cref="Progress{T}"/>), so no update lands after the line is ended.</summary>
    private sealed class ImagePassProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
