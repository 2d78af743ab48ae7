using OmniContextEval.Generation.Velocity;

namespace OmniContextEval.Generation.Sampling;

/// <summary>
/// Dual guidance: v = v_uncond + s_img (v_ref - v_uncond) + s_txt (v_cond - v_ref).
/// Step i uses the scales when CfgStart &lt;= i / N &lt;= CfgEnd (OmniGen2 compares the step fraction, not t);
/// outside that range both scales are 1; a case without input images has s_img = 1.
/// Passes are skipped only where the formula makes them cancel: s_img = 1 drops v_uncond, and both scales 1 leave v_cond.
/// </summary>
/// <param name="TextScale">s_txt; 1 turns text guidance off, larger follows the instruction harder.</param>
/// <param name="ImageScale">s_img; 1 turns image guidance off, larger follows the input images harder.</param>
public sealed record GuidanceSettings(double TextScale = 5.0, double ImageScale = 2.0, double CfgStart = 0.0, double CfgEnd = 1.0)
{
    /// <summary>(s_txt, s_img) for step <paramref name="step"/> of <paramref name="steps"/>.</summary>
    public (float Text, float Image) ScalesAt(int step, int steps, bool hasImages)
    {
        var fraction = (double)step / steps;
        if (fraction < CfgStart || fraction > CfgEnd) return (1f, 1f);
        return ((float)TextScale, hasImages ? (float)ImageScale : 1f);
    }

    /// <summary>The branches the formula needs at these scales, in evaluation order.</summary>
    public static GuidanceBranch[] BranchesFor(float text, float image) => (text, image) switch
    {
        (1f, 1f) => [GuidanceBranch.Conditional],
        (_, 1f) => [GuidanceBranch.Conditional, GuidanceBranch.Reference],
        _ => [GuidanceBranch.Conditional, GuidanceBranch.Reference, GuidanceBranch.Unconditional],
    };
}
