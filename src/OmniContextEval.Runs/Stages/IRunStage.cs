namespace OmniContextEval.Runs.Stages;

/// <summary>
/// One step of a run: takes the previous stage's result and returns its own. A stage writes its files (so that a
/// later stage can be re-run alone from the folder) but never reads back what an earlier stage of the run wrote.
/// </summary>
/// <typeparam name="TInput">The previous stage's result (the <see cref="RunPlan"/> for the first stage).</typeparam>
/// <typeparam name="TResult">What this stage hands to the next.</typeparam>
public interface IRunStage<in TInput, TResult>
{
    /// <summary>The stage's name in timings and log lines: generate, measure, score or report.</summary>
    string Name { get; }

    Task<TResult> RunAsync(TInput input, CancellationToken cancel);
}
