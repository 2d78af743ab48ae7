namespace OmniContextEval.Metrics.Scoring;

/// <summary>Manifest names of the networks the case scorer uses.</summary>
public static class ScoringModelNames
{
    public const string ClipImage = "clip-vit-b32-image";
    public const string ClipText = "clip-vit-b32-text";
    public const string DinoV2 = "dinov2-vits14";
}
