namespace OmniContextEval.Generation.Velocity;

/// <summary>
/// <see cref="MarginalFlowVelocity"/> in exact reduced coordinates. Its velocity is a combination of x and the
/// targets, so a trajectory started at noise x0 never leaves span{x0, y_1..y_K}: x = c_0 x0 + sum_j c_j y_j.
/// Integrating the K + 1 coordinates c is the same ODE, not an approximation; &lt;x, y_i&gt; comes from the Gram
/// matrix G_ij = &lt;y_i, y_j&gt; and q_i = &lt;x0, y_i&gt;, computed once per image at full resolution. The state is c;
/// <see cref="Reconstruct"/> turns the final coordinates into pixels.
/// Velocity in coordinates: dc_0/dt = -c_0 / (1 - t), dc_j/dt = (w_j - c_j) / (1 - t) (w_j = 0 off the branch's set).
/// </summary>
public sealed class BasisMarginalVelocity : IVelocityModel
{
    private readonly double[,] _gram;
    private readonly double[] _noiseDots;
    private readonly BranchTargets _branches;

    /// <param name="gram">G_ij = &lt;y_i, y_j&gt;, K x K.</param>
    /// <param name="noiseDots">q_i = &lt;x0, y_i&gt;, K.</param>
    public BasisMarginalVelocity(double[,] gram, double[] noiseDots, BranchTargets branches, bool hasImageCondition)
    {
        if (gram.GetLength(0) != noiseDots.Length || gram.GetLength(1) != noiseDots.Length)
            throw new ArgumentException("the Gram matrix must be K x K with K noise dot products");
        _gram = gram;
        _noiseDots = noiseDots;
        _branches = branches;
        HasImageCondition = hasImageCondition;
    }

    public int TargetCount => _noiseDots.Length;
    /// <summary>K + 1: the noise coordinate, then one per target.</summary>
    public int StateLength => TargetCount + 1;
    public bool HasImageCondition { get; }

    /// <summary>The coordinates of x0 itself: (1, 0, ..., 0).</summary>
    public float[] InitialState()
    {
        var state = new float[StateLength];
        state[0] = 1f;
        return state;
    }

    public void Evaluate(ReadOnlySpan<float> x, float t, ReadOnlySpan<GuidanceBranch> branches, Span<float> velocities)
    {
        var k = TargetCount;
        var dots = new double[k];
        for (var i = 0; i < k; i++)
        {
            var dot = x[0] * _noiseDots[i];
            for (var j = 0; j < k; j++) dot += x[j + 1] * _gram[j, i];
            dots[i] = dot;
        }
        var inverseRemaining = 1.0 / PosteriorWeights.RemainingTime(t);
        for (var b = 0; b < branches.Length; b++)
        {
            var indices = _branches.For(branches[b]);
            var weights = new double[indices.Count];
            PosteriorWeights.Compute(indices.Select(i => dots[i]).ToArray(), indices.Select(i => _gram[i, i]).ToArray(), t, weights);
            var full = new double[k];
            for (var m = 0; m < indices.Count; m++) full[indices[m]] += weights[m];
            var v = velocities.Slice(b * StateLength, StateLength);
            v[0] = (float)(-x[0] * inverseRemaining);
            for (var j = 0; j < k; j++) v[j + 1] = (float)((full[j] - x[j + 1]) * inverseRemaining);
        }
    }

    /// <summary>
    /// Pixels of the state: (c_0 x0 + sum_j c_j s y_j) / s for targets scaled by s (<paramref name="signalScale"/>; 1 = unscaled),
    /// element by element in a fixed order (thread-independent).
    /// </summary>
    public static void Reconstruct(ReadOnlySpan<float> state, ReadOnlySpan<float> noise, IReadOnlyList<float[]> targets, Span<float> pixels, double signalScale = 1.0)
    {
        var c0 = (float)(state[0] / signalScale);
        for (var e = 0; e < pixels.Length; e++)
        {
            var value = c0 * noise[e];
            for (var j = 0; j < targets.Count; j++) value += state[j + 1] * targets[j][e];
            pixels[e] = value;
        }
    }
}
