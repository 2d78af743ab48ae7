using System.Diagnostics;
using OmniContextEval.Cli.Commands;
using OmniContextEval.Core.Results;
using OmniContextEval.Generation.Running;
using OmniContextEval.Metrics.Runs;
using OmniContextEval.Onnx;
using OmniContextEval.Onnx.Sessions;
using OmniContextEval.Reports.Pipeline;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Cli.Pipeline;

/// <summary>The pipeline's measure stage: the Metrics library's <see cref="OutputSetMeasurer"/>.</summary>
public sealed class MetricsStage(MeasureSettings settings, TextWriter log) : IMeasureStage
{
    public async Task<MeasureOutcome> MeasureAsync(SuiteSnapshot suite, string outputDir, IReadOnlyList<GenerationRecord> records, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var line = new ProgressLine();
        var progress = new ImagePassProgress(p => line.Report(new GenerationProgress(p.Done, p.Total, 0, 0, clock.Elapsed)));
        MeasuredOutputs measured;
        try { measured = await new OutputSetMeasurer(settings, log).MeasureAsync(suite.Cases, suite.Root, outputDir, records, progress, cancel); }
        finally { Console.Error.WriteLine(); } // end the progress line
        foreach (var timing in measured.Timings)
            log.WriteLine($"  {timing}");
        var inference = new InferenceInfo($"ONNX Runtime {OrtProbe.RuntimeVersion}", SessionSettings.NameOf(settings.Session.Device));
        return new MeasureOutcome(measured.Raw, measured.SetLevel, measured.ModelHashes, measured.AbsentModels, inference);
    }

    /// <summary>Reports synchronously (unlike <see cref="Progress{T}"/>), so no update lands after the line is ended.</summary>
    private sealed class ImagePassProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}
