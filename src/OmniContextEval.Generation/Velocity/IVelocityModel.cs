namespace OmniContextEval.Generation.Velocity;

/// <summary>Which conditioning a velocity evaluation uses (OmniGen2's three guidance passes).</summary>
public enum GuidanceBranch
{
    /// <summary>Instruction + input images.</summary>
    Conditional,
    /// <summary>Negative (empty) prompt + input images.</summary>
    Reference,
    /// <summary>Negative prompt, no input images.</summary>
    Unconditional,
}

/// <summary>
/// A flow-matching velocity field v(x_t, t) = E[x1 - x0 | x_t], bound to one case's conditioning.
/// Time runs from 0 (noise) to 1 (data). The state is whatever the sampler integrates: pixels, latents or
/// coordinates in a basis; the model says how long it is.
/// </summary>
public interface IVelocityModel
{
    /// <summary>Number of floats in the integrated state.</summary>
    int StateLength { get; }

    /// <summary>Whether the case has input images (without them image guidance is off: s_img = 1).</summary>
    bool HasImageCondition { get; }

    /// <summary>
    /// Evaluates every requested branch at (x, t) in one call (one batched network run where the model allows).
    /// <paramref name="velocities"/> receives branches.Length blocks of <see cref="StateLength"/> floats, in the order asked.
    /// </summary>
    void Evaluate(ReadOnlySpan<float> x, float t, ReadOnlySpan<GuidanceBranch> branches, Span<float> velocities);
}
