namespace OmniContextEval.Metrics.Engine;

/// <summary>How the feature engine batches and schedules work.</summary>
/// <param name="BatchSize">Images per network call (results do not depend on it).</param>
/// <param name="PreprocessWorkers">Images read, decoded and preprocessed at once; 0 means one per core.</param>
/// <param name="QueueDepth">Preprocessed images that may wait for the networks, in batches.</param>
/// <param name="OverlapInference">
/// Whether decoding and preprocessing run while a network runs. Worth it only when the network's threads and the
/// workers together fit the cores: otherwise the workers slow down one of the network's threads, and every
/// operator waits for its slowest thread. Off (the default), the two alternate and each uses every core.
/// </param>
public sealed record EngineOptions(int BatchSize = 16, int PreprocessWorkers = 0, int QueueDepth = 2, bool OverlapInference = false)
{
    public static readonly EngineOptions Default = new();

    /// <summary><see cref="PreprocessWorkers"/> with 0 resolved to the core count.</summary>
    public int Workers => PreprocessWorkers > 0 ? PreprocessWorkers : Environment.ProcessorCount;
}
