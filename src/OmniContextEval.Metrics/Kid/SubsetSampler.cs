namespace OmniContextEval.Metrics.Kid;

/// <summary>
/// Draws subsets without replacement (partial Fisher-Yates) from a seeded SplitMix64 stream, so the subsets
/// depend only on the seed and the set sizes, on every platform and .NET version.
/// </summary>
public sealed class SubsetSampler(int seed)
{
    private ulong _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 0xD1B54A32D192ED03UL);

    /// <summary><paramref name="count"/> distinct indices in [0, <paramref name="population"/>), in draw order.</summary>
    public int[] Draw(int population, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, population);
        var pool = new int[population];
        for (int i = 0; i < population; i++)
            pool[i] = i;
        for (int i = 0; i < count; i++)
        {
            int j = i + (int)(Next() % (ulong)(population - i));
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..count];
    }

    private ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
