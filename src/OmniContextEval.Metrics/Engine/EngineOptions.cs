namespace OmniContextEval.Metrics.Engine;

/// <summary>How the feature engine batches and overlaps work.</summary>
/// <param name="BatchSize">Images per network call (results do not depend on it).</param>
/// <param name="PreprocessWorkers">Images decoded and preprocessed at once, beside the running network.</param>
/// <param name="QueueDepth">Preprocessed images that may wait for the network, in batches.</param>
public sealed record EngineOptions(int BatchSize = 16, int PreprocessWorkers = 1, int QueueDepth = 2)
{
    public static readonly EngineOptions Default = new();
}
