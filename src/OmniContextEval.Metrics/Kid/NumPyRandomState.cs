namespace OmniContextEval.Metrics.Kid;

/// <summary>
/// The part of NumPy's legacy <c>numpy.random.RandomState(seed)</c> that torch-fidelity's KID uses:
/// <c>choice(n, m, replace=False)</c>, which is <c>permutation(n)[:m]</c>. The generator is MT19937 seeded as
/// <c>init_genrand(seed)</c>; the permutation is NumPy's in-place Fisher-Yates from the last element down, each index
/// drawn by rejection from the smallest all-ones bit mask covering it (<c>random_interval</c>). The same seed gives
/// the same subsets as torch-fidelity.
/// </summary>
public sealed class NumPyRandomState
{
    private const int N = 624, M = 397;
    private readonly uint[] _state = new uint[N];
    private int _position;

    public NumPyRandomState(uint seed)
    {
        _state[0] = seed;
        for (int i = 1; i < N; i++)
            _state[i] = unchecked(1812433253U * (_state[i - 1] ^ (_state[i - 1] >> 30)) + (uint)i);
        _position = N;
    }

    /// <summary><c>choice(population, count, replace=False)</c>: the first <paramref name="count"/> entries of a random permutation.</summary>
    public int[] Choice(int population, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, population);
        var permutation = new int[population];
        for (int i = 0; i < population; i++)
            permutation[i] = i;
        for (int i = population - 1; i > 0; i--)
        {
            int j = (int)Interval((uint)i);
            (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
        }
        return permutation[..count];
    }

    /// <summary>A uniform integer in [0, max] by masked rejection (NumPy's <c>random_interval</c> for max &lt; 2^32).</summary>
    private uint Interval(uint max)
    {
        uint mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        uint value;
        while ((value = NextUInt32() & mask) > max)
        {
        }
        return value;
    }

    /// <summary>The next tempered MT19937 output (genrand_int32).</summary>
    public uint NextUInt32()
    {
        if (_position >= N)
            Twist();
        uint y = _state[_position++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9D2C5680U;
        y ^= (y << 15) & 0xEFC60000U;
        y ^= y >> 18;
        return y;
    }

    private void Twist()
    {
        for (int i = 0; i < N; i++)
        {
            uint y = (_state[i] & 0x80000000U) | (_state[(i + 1) % N] & 0x7FFFFFFFU);
            _state[i] = _state[(i + M) % N] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908B0DFU : 0U);
        }
        _position = 0;
    }
}
