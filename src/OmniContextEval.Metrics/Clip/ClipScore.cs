namespace OmniContextEval.Metrics.Clip;

/// <summary>The two published CLIPScore conventions; results must say which one they report.</summary>
public enum ClipScoreConvention
{
    /// <summary>Hessel et al. 2021: 2.5 * max(cos, 0) per image, averaged; 0..2.5, higher is better.</summary>
    Hessel,
    /// <summary>torchmetrics CLIPScore: 100 * mean cos, clamped at 0 after averaging; 0..100, higher is better.</summary>
    TorchMetrics,
}

/// <summary>CLIPScore from image-text cosines (cosines of L2-normalised CLIP embeddings).</summary>
public static class ClipScore
{
    /// <summary>The name written to results for a convention.</summary>
    public static string Name(ClipScoreConvention convention) => convention switch
    {
        ClipScoreConvention.Hessel => "clipscore-hessel (2.5*max(cos,0), per image, averaged)",
        _ => "clipscore-torchmetrics (max(100*mean cos, 0))",
    };

    /// <summary>CLIPScore of a set of image-text pairs given their cosines; higher is better.</summary>
    public static double Compute(IReadOnlyCollection<double> cosines, ClipScoreConvention convention)
    {
        if (cosines.Count == 0)
            throw new ArgumentException("CLIPScore needs at least one image-text pair", nameof(cosines));
        return convention switch
        {
            ClipScoreConvention.Hessel => cosines.Average(c => 2.5 * Math.Max(c, 0)),
            _ => Math.Max(100 * cosines.Average(), 0),
        };
    }
}
