using OmniContextEval.Metrics.Engine;

namespace OmniContextEval.Metrics.Measuring;

/// <summary>
/// Float64 values of image pairs of a scoring run in the feature cache, keyed by metric name and both images'
/// content hashes: look-ups before the pass, newly computed values gathered (thread-safe) and stored after it.
/// Without a cache, or for an image that cannot be hashed, nothing is found or kept.
/// </summary>
internal sealed class PairValueCache(ScoringImages images, FeatureCache? cache)
{
    private readonly List<(PairKey, double[])> computed = [];
    private readonly Lock gate = new();

    public bool TryGet(string metric, int first, int second, int count, out double[] values)
    {
        values = [];
        return cache is not null && Key(metric, first, second) is { } key
            && cache.TryGetPair(key, out values) && values.Length == count;
    }

    public void Add(string metric, int first, int second, double[] values)
    {
        if (cache is null || Key(metric, first, second) is not { } key) return;
        lock (gate) computed.Add((key, values));
    }

    public void Store() => cache?.PutPairs(computed);

    private PairKey? Key(string metric, int first, int second) =>
        images.HashOf(first) is { } a && images.HashOf(second) is { } b ? new PairKey(metric, a, b) : null;
}
