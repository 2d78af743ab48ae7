using System.Diagnostics;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Reports.Results;
using OmniContextEval.Runs.Scoring;

namespace OmniContextEval.Runs.Stages;

/// <summary>
/// The score stage: scores the measured run under the specification (<see cref="RunScorer"/>) and writes results.json,
/// scores.jsonl, the CSVs and the specification copy, for <c>omnictx report</c>, leaderboards and gates.
/// </summary>
public sealed class ScoreStage(ScoringSpec spec, byte[] specBytes) : IRunStage<MeasuredRun, ScoredRun>
{
    public string Name => "score";

    public Task<ScoredRun> RunAsync(MeasuredRun measured, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var plan = measured.Plan;
        var records = new RunRecords(plan.RunFolder, measured.Manifest, measured.Generated.Records, measured.Measured.Raw,
            measured.Measured.SetLevel);
        var (results, scores) = new RunScorer(spec).Score(plan.Suite, records);
        ResultsWriter.Write(plan.RunFolder, results, scores, specBytes);
        return Task.FromResult(new ScoredRun(plan, results, scores, clock.Elapsed.TotalSeconds));
    }
}
