using OmniContextEval.Core.Cases;

namespace OmniContextEval.Core.Statistics;

/// <summary>
/// One case over its seeds: mean scores 0..100 (higher is better) and the standard deviation of the total
/// over seeds (sample, ddof = 1; 0 with one seed). Failed and missing outputs count as 0 in every mean.
/// </summary>
/// <param name="Outputs">Outputs scored (seeds), failed and missing included.</param>
/// <param name="Dimensions">Mean per dimension over the seeds where it was scored.</param>
public sealed record CaseSummary(
    string CaseId,
    Subtask Subtask,
    TaskGroup Group,
    DifficultyTier Tier,
    int Outputs,
    int Failed,
    int Missing,
    double Total,
    double TotalSpread,
    IReadOnlyDictionary<string, double> Dimensions,
    bool Partial,
    IReadOnlyList<string> Flags);

/// <summary>
/// Means over the cases of one slice (overall, a subtask, a group, a tier) with bootstrap intervals over
/// cases; each <see cref="Estimate.N"/> is the number of cases behind that mean.
/// </summary>
/// <param name="Slice">"overall", "subtask", "group" or "tier".</param>
/// <param name="Key">The slice value, e.g. "multi_object" or "all".</param>
public sealed record GroupSummary(
    string Slice,
    string Key,
    int Cases,
    int Outputs,
    int Failed,
    int Missing,
    Estimate Total,
    IReadOnlyDictionary<string, Estimate> Dimensions);

/// <summary>Every slice of a run: overall, then per subtask, group and tier in enum order.</summary>
public sealed record ScoreSummary(
    GroupSummary Overall,
    IReadOnlyList<GroupSummary> BySubtask,
    IReadOnlyList<GroupSummary> ByGroup,
    IReadOnlyList<GroupSummary> ByTier);
