using OmniContextEval.Metrics.Measuring;

namespace OmniContextEval.Metrics.Registry.BuiltIn;

/// <summary>Why the CLIP zero-shot metrics (keywords, checklist) cannot run for an output, shared by both.</summary>
internal static class ZeroShotInputs
{
    public const string NonFinite = "the CLIP text model gave NaN or infinite values for a text this metric needs";

    /// <summary>The CLIP image features of the output, or null with the reason.</summary>
    public static (float[]? Image, string? WhyNot) Of(CaseMetricContext context)
    {
        var clip = context.Image(ScoringModelNames.ClipImage);
        var why = context.Missing(ScoringModelNames.ClipText) ?? clip.WhyNot ?? (context.HasTexts(context.AllTexts) ? null : NonFinite);
        return why is null && clip.Output is not null ? (clip.Output.Output(), null) : (null, why);
    }
}
