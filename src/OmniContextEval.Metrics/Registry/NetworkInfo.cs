using OmniContextEval.Metrics.Engine;
using OmniContextEval.Onnx.Sessions;

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

/// <summary>What a network needs to open: the session pool over the models folder, the shared feature cache and the engine options.</summary>
public sealed record NetworkOpenContext(ModelSessionPool Pool, FeatureCache? Cache, EngineOptions? Options);

/// <summary>A network opened from the models folder, or why it is unavailable although its model is listed (a file it needs is absent).</summary>
public readonly record struct NetworkOpening(object? Network, string? WhyMissing)
{
    public static NetworkOpening Of(object network) => new(network, null);

    public static NetworkOpening Missing(string why) => new(null, why);
}

/// <summary>
/// A network known to the engine by its manifest name (the name in the models folder's models.json), and how it opens
/// itself once that name is in the folder. A listed model that is broken throws from <see cref="Open"/>; it is never skipped.
/// </summary>
public sealed record NetworkInfo(string Name, NetworkRole Role, string Description, Func<NetworkOpenContext, NetworkOpening> Open);
