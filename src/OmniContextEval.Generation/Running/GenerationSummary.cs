using OmniContextEval.Core.Results;

namespace OmniContextEval.Generation.Running;

/// <summary>Progress of a run: outputs handled so far out of the total, with the elapsed time.</summary>
public sealed record GenerationProgress(int Done, int Total, int UpToDate, int Failed, TimeSpan Elapsed)
{
    /// <summary>Outputs generated per second this run (skipped ones excluded).</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? (Done - UpToDate) / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time left at the current rate; null before the first output.</summary>
    public TimeSpan? Remaining => Rate > 0 ? TimeSpan.FromSeconds((Total - Done) / Rate) : null;
}

/// <summary>The result of a run: counts, every failed or missing (case, seed), and the record of every planned (case, seed).</summary>
/// <param name="Records">One record per planned (case, seed), in plan order (case by case, seeds in the order given); the same records generation.jsonl holds.</param>
public sealed record GenerationSummary(int Total, int UpToDate, int Generated, IReadOnlyList<GenerationRecord> Problems, TimeSpan Elapsed,
    IReadOnlyList<GenerationRecord> Records)
{
    public int Failed => Problems.Count(p => p.Status == GenerationStatus.Failed);
    public int Missing => Problems.Count(p => p.Status == GenerationStatus.Missing);
    public bool NothingToDo => UpToDate == Total;

    /// <summary>One line for people, e.g. "1200 of 1200 outputs up to date, nothing to do".</summary>
    public string Describe() => NothingToDo
        ? $"{UpToDate} of {Total} outputs up to date, nothing to do"
        : $"{Generated} generated, {UpToDate} up to date, {Failed} failed, {Missing} missing, of {Total} outputs in {Elapsed.TotalSeconds:F1} s";
}
