using OmniContextEval.Generation.Velocity;

namespace OmniContextEval.Generation.Compositing;

/// <summary>The built-in field's targets for one case: candidate images (sampler range, interleaved RGB) and which branch uses which.</summary>
/// <param name="Descriptions">One line per target saying how it was composed (for sidecars and debugging).</param>
public sealed record CandidateSet(int Width, int Height, IReadOnlyList<float[]> Targets, BranchTargets Branches, IReadOnlyList<string> Descriptions);
