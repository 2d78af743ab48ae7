namespace OmniContextEval.Metrics.Measuring;

/// <summary>Manifest names of the networks a scoring run uses.</summary>
public static class ScoringModelNames
{
    public const string ClipImage = "clip-vit-b32-image";
    public const string ClipText = "clip-vit-b32-text";
    public const string DinoV2 = "dinov2-vits14";
    /// <summary>pytorch-fid's Inception (pool3 features for FID and KID).</summary>
    public const string Inception = "inception-v3-fid";
    /// <summary>The LPIPS backbone used against reference images.</summary>
    public const string Lpips = "lpips-alex";

    public static readonly IReadOnlyList<string> All = [ClipImage, ClipText, DinoV2, Inception, Lpips];
}
