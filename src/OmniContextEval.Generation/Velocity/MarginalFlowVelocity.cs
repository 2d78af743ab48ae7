using System.Numerics.Tensors;

namespace OmniContextEval.Generation.Velocity;

/// <summary>
/// The exact marginal flow-matching velocity for finite target sets, evaluated on pixels:
/// v(x, t) = sum_i w_i (y_i - x) / (1 - t) = (sum_i w_i y_i - x) / (1 - t), weights from <see cref="PosteriorWeights"/>.
/// Squared norms of the targets are computed once; each evaluation costs one dot product per target used and
/// one weighted sum per branch. Reductions use <see cref="PortableDot"/>, so results do not depend on threads.
/// </summary>
public sealed class MarginalFlowVelocity : IVelocityModel
{
    private readonly IReadOnlyList<float[]> _targets;
    private readonly BranchTargets _branches;
    private readonly double[] _squaredNorms;

    /// <param name="targets">Target vectors, all of the state's length.</param>
    /// <param name="branches">Which targets each guidance branch uses.</param>
    /// <param name="hasImageCondition">Whether the case has input images (image guidance on).</param>
    public MarginalFlowVelocity(IReadOnlyList<float[]> targets, BranchTargets branches, bool hasImageCondition)
    {
        if (targets.Count == 0) throw new ArgumentException("at least one target is needed", nameof(targets));
        StateLength = targets[0].Length;
        if (targets.Any(t => t.Length != StateLength)) throw new ArgumentException("targets differ in length", nameof(targets));
        _targets = targets;
        _branches = branches;
        HasImageCondition = hasImageCondition;
        _squaredNorms = targets.Select(t => PortableDot.Dot(t, t)).ToArray();
    }

    public int StateLength { get; }
    public bool HasImageCondition { get; }

    public void Evaluate(ReadOnlySpan<float> x, float t, ReadOnlySpan<GuidanceBranch> branches, Span<float> velocities)
    {
        var dots = new double[_targets.Count];
        var known = new bool[_targets.Count];
        var n = StateLength;
        var inverseRemaining = (float)(1.0 / PosteriorWeights.RemainingTime(t));
        for (var b = 0; b < branches.Length; b++)
        {
            var indices = _branches.For(branches[b]);
            foreach (var i in indices)
                if (!known[i]) { dots[i] = PortableDot.Dot(x, _targets[i]); known[i] = true; }
            var weights = new double[indices.Count];
            PosteriorWeights.Compute(indices.Select(i => dots[i]).ToArray(), indices.Select(i => _squaredNorms[i]).ToArray(), t, weights);
            var v = velocities.Slice(b * n, n);
            v.Clear();
            for (var k = 0; k < indices.Count; k++)
                TensorPrimitives.MultiplyAdd(_targets[indices[k]], (float)weights[k], v, v);
            TensorPrimitives.Subtract(v, x, v);
            TensorPrimitives.Multiply(v, inverseRemaining, v);
        }
    }
}
