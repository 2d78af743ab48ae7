namespace OmniContextEval.Generation.Noise;

/// <summary>
/// The Philox4x32-10 counter-based generator (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3",
/// SC 2011; the same function as Random123's <c>philox4x32_10</c>). A pure function of a 128-bit counter
/// and a 64-bit key: no state, so any element of a stream can be computed alone, on any thread or machine.
/// </summary>
public static class Philox4x32
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>Ten rounds of Philox on <paramref name="counter"/> under the key (k0, k1).</summary>
    public static (uint R0, uint R1, uint R2, uint R3) Generate((uint C0, uint C1, uint C2, uint C3) counter, uint k0, uint k1)
    {
        var (c0, c1, c2, c3) = counter;
        for (var round = 0; round < 10; round++)
        {
            if (round > 0) { k0 += W0; k1 += W1; }
            var p0 = (ulong)M0 * c0;
            var p1 = (ulong)M1 * c2;
            var (h0, l0) = ((uint)(p0 >> 32), (uint)p0);
            var (h1, l1) = ((uint)(p1 >> 32), (uint)p1);
            (c0, c1, c2, c3) = (h1 ^ c1 ^ k0, l1, h0 ^ c3 ^ k1, l0);
        }
        return (c0, c1, c2, c3);
    }
}
