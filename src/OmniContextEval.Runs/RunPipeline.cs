using OmniContextEval.Core;
using OmniContextEval.Core.Results;
using OmniContextEval.Runs.Stages;

namespace OmniContextEval.Runs;

/// <summary>
/// <c>omnictx run</c>: generate, measure, score, report, each once and in that order, each stage taking the previous
/// stage's result in memory. Every stage writes its files before the next starts (so <c>omnictx score</c> and
/// <c>omnictx report</c> can re-run alone) but nothing is read back within the run. The CLI composes the stages.
/// </summary>
public sealed class RunPipeline(
    IRunStage<RunPlan, GeneratedRun> generate,
    IRunStage<GeneratedRun, MeasuredRun> measure,
    IRunStage<MeasuredRun, ScoredRun> score,
    IRunStage<ScoredRun, ReportedRun> report,
    TextWriter log)
{
    /// <summary>Runs every stage; the exit code is PartialFailure when some outputs failed or are missing.</summary>
    public async Task<(ReportedRun Run, int ExitCode)> RunAsync(RunPlan plan, CancellationToken cancel)
    {
        var suite = plan.Suite;
        log.WriteLine($"suite {suite.Name}: {suite.Cases.Count} cases x {plan.Seeds.Count} seeds = {suite.Cases.Count * plan.Seeds.Count} outputs");

        var generated = await generate.RunAsync(plan, cancel);
        log.WriteLine($"{generate.Name}: {generated.Records.Count(r => r.Status == GenerationStatus.Ok)} ok, {generated.Records.Count(r => r.Status != GenerationStatus.Ok)} failed or missing ({generated.Seconds:0.0} s)");

        var measured = await measure.RunAsync(generated, cancel);
        if (measured.Measured.AbsentModels.Count > 0)
            log.WriteLine($"warning: models absent: {string.Join(", ", measured.Measured.AbsentModels)}; their metrics are not computed and the result is partial");

        cancel.ThrowIfCancellationRequested();
        var scored = await score.RunAsync(measured, cancel);
        var total = scored.Results.Summary.Overall.Total;
        log.WriteLine($"{score.Name}: total {total.Mean:0.0} (95% CI {total.Lower:0.0}-{total.Upper:0.0}) ({scored.Seconds:0.0} s)");

        var reported = await report.RunAsync(scored, cancel);
        log.WriteLine($"{report.Name}: {reported.Index} ({reported.Seconds:0.0} s)");

        var overall = scored.Results.Summary.Overall;
        return (reported, overall.Failed + overall.Missing > 0 ? ExitCodes.PartialFailure : ExitCodes.Success);
    }
}
