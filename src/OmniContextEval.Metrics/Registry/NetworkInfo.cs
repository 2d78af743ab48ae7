namespace OmniContextEval.Metrics.Registry;

/// <summary>What a network gives the metrics.</summary>
public enum NetworkRole
{
    /// <summary>One embedding per image (outputs and input images); case metrics read it.</summary>
    ImageEmbedding,
    /// <summary>One embedding per text.</summary>
    TextEmbedding,
    /// <summary>Features of outputs and references for set-level metrics (FID, KID).</summary>
    SetFeatures,
    /// <summary>A distance per (output, reference) pair.</summary>
    PairDistance,
}

/// <summary>A network known to the engine by its manifest name (the name in the models folder's models.json).</summary>
public sealed record NetworkInfo(string Name, NetworkRole Role, string Description);
