namespace OmniContextEval.Generation.Velocity;

/// <summary>
/// The finite target sets of the built-in field, one per guidance branch, as indices into one shared list of
/// target vectors (a target may serve several branches). Unconditional may be empty when the case has no images.
/// </summary>
public sealed record BranchTargets(IReadOnlyList<int> Conditional, IReadOnlyList<int> Reference, IReadOnlyList<int> Unconditional)
{
    public IReadOnlyList<int> For(GuidanceBranch branch) => branch switch
    {
        GuidanceBranch.Conditional => Conditional,
        GuidanceBranch.Reference => Reference,
        _ => Unconditional.Count > 0 ? Unconditional : Reference,
    };
}
