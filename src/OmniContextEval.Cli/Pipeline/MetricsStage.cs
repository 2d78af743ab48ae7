using OmniContextEval.Core.Results;
using OmniContextEval.Metrics.Runs;
using OmniContextEval.Reports.Pipeline;

namespace OmniContextEval.Cli.Pipeline;

/// <summary>The pipeline's measure stage: the Metrics library's <see cref="OutputSetMeasurer"/>.</summary>
public sealed class MetricsStage(MeasureSettings settings, TextWriter log) : IMeasureStage
{
    public async Task<MeasureOutcome> MeasureAsync(SuiteSnapshot suite, string outputDir, IReadOnlyList<GenerationRecord> records, CancellationToken cancel)
    {
        var measured = await new OutputSetMeasurer(settings, log).MeasureAsync(suite.Cases, suite.Root, outputDir, records, cancel);
        return new MeasureOutcome(measured.Raw, measured.SetLevel, measured.ModelHashes, measured.AbsentModels);
    }
}
