using OmniContextEval.Generation.Compositing;

namespace OmniContextEval.Generation.Native;

/// <summary>
/// The seed-independent part of the built-in generator for one case: candidates and their Gram matrix
/// G_ij = &lt;y_i, y_j&gt; at output resolution. Immutable; shared by every seed of the case.
/// </summary>
public sealed record PreparedCase(string CaseId, CandidateSet Candidates, double[,] Gram, bool HasImageCondition);
