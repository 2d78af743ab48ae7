namespace OmniContextEval.Core.Statistics;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by its seed on every runtime and platform, so that
/// bootstrap intervals are bit-identical across machines (System.Random makes no such promise).
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, bound) (Lemire's multiply-shift; bias below 2^-32 for bound under 2^32).</summary>
    public int NextInt(int bound) => (int)((UInt128)NextUInt64() * (ulong)bound >> 64);
}
