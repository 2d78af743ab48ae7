namespace OmniContextEval.Metrics.Engine;

/// <summary>
/// Holds per-image results until both images of a pair have arrived, then hands the pair to <paramref name="onPair"/>
/// (outside the lock, on the thread that delivered the second image) and drops whatever no other pair needs.
/// A null item stands for an image that failed. Thread-safe.
/// </summary>
/// <param name="pairs">Pairs of image indices; an image may be in several pairs.</param>
public sealed class PairCollector<T>(IReadOnlyList<(int First, int Second)> pairs, Action<int, T?, T?> onPair) where T : class
{
    private readonly Dictionary<int, List<int>> pairsOf = Index(pairs);
    private readonly Dictionary<int, (T? Item, int Remaining)> held = [];
    private readonly Lock gate = new();

    /// <summary>Delivers image <paramref name="image"/>'s result (null when it failed).</summary>
    public void Add(int image, T? item)
    {
        if (!pairsOf.TryGetValue(image, out var mine)) return;
        var ready = new List<(int Pair, T? First, T? Second)>();
        lock (gate)
        {
            held[image] = (item, mine.Count);
            foreach (var p in mine)
            {
                var other = pairs[p].First == image ? pairs[p].Second : pairs[p].First;
                if (!held.TryGetValue(other, out var partner)) continue;
                ready.Add(pairs[p].First == image ? (p, item, partner.Item) : (p, partner.Item, item));
                Release(image);
                if (other != image) Release(other);
            }
        }
        foreach (var (pair, first, second) in ready)
            onPair(pair, first, second);
    }

    private void Release(int image)
    {
        var (item, remaining) = held[image];
        if (remaining <= 1) held.Remove(image);
        else held[image] = (item, remaining - 1);
    }

    private static Dictionary<int, List<int>> Index(IReadOnlyList<(int First, int Second)> pairs)
    {
        var index = new Dictionary<int, List<int>>();
        for (var p = 0; p < pairs.Count; p++)
            foreach (var image in new[] { pairs[p].First, pairs[p].Second }.Distinct())
                (index.TryGetValue(image, out var list) ? list : index[image] = []).Add(p);
        return index;
    }
}
