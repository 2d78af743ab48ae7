using System.Numerics.Tensors;

namespace OmniContextEval.Generation.Sampling;

/// <summary>Combines branch velocities (laid out as <see cref="GuidanceSettings.BranchesFor"/> orders them) into the guided one.</summary>
public static class GuidanceCombiner
{
    /// <summary>
    /// One branch: v = v_cond. Two: v = v_ref + s_txt (v_cond - v_ref).
    /// Three: v = v_uncond + s_img (v_ref - v_uncond) + s_txt (v_cond - v_ref).
    /// </summary>
    public static void Combine(ReadOnlySpan<float> branches, int n, float text, float image, Span<float> result)
    {
        var count = branches.Length / n;
        var cond = branches[..n];
        if (count == 1) { cond.CopyTo(result); return; }
        var reference = branches.Slice(n, n);
        Span<float> difference = new float[n];
        TensorPrimitives.Subtract(cond, reference, difference);
        if (count == 2)
        {
            TensorPrimitives.MultiplyAdd(difference, text, reference, result);
            return;
        }
        var uncond = branches.Slice(2 * n, n);
        Span<float> imageTerm = new float[n];
        TensorPrimitives.Subtract(reference, uncond, imageTerm);
        TensorPrimitives.MultiplyAdd(imageTerm, image, uncond, result);
        TensorPrimitives.MultiplyAdd(difference, text, result, result);
    }
}
