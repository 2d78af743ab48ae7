using System.Diagnostics;
using OmniContextEval.Reports;

namespace OmniContextEval.Runs.Stages;

/// <summary>The report stage: index.html, a page per case, summary.md, charts and CSV from the scored run in memory.</summary>
public sealed class ReportStage : IRunStage<ScoredRun, ReportedRun>
{
    public string Name => "report";

    public Task<ReportedRun> RunAsync(ScoredRun scored, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var index = ReportBuilder.Write(scored.Results, scored.Scores, scored.Plan.ReportFolder);
        return Task.FromResult(new ReportedRun(scored, index, clock.Elapsed.TotalSeconds));
    }
}
