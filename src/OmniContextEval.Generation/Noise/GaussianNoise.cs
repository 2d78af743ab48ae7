using System.Text;

namespace OmniContextEval.Generation.Noise;

/// <summary>
/// Initial noise for one (seed, case): standard normal floats, the same on every machine and .NET version.
/// <para>Definition (tools/models/tiny_dit.py implements the same in NumPy):</para>
/// <list type="bullet">
/// <item>key (k0, k1) = (low, high 32 bits of the seed as an unsigned 64-bit number);</item>
/// <item>h = FNV-1a 64 of the stream name's UTF-8 bytes (the case id);</item>
/// <item>element i belongs to block b = i / 4; counter = (low32(b), high32(b), low32(h), high32(h));</item>
/// <item>Philox4x32-10 gives (r0, r1, r2, r3); u = (r + 0.5) / 2^32 lies strictly inside (0, 1);</item>
/// <item>Box-Muller in double: rho = sqrt(-2 ln u(r0)), (sin, cos) of 2 pi u(r1); elements 4b, 4b+1 = rho cos,
/// rho sin; elements 4b+2, 4b+3 the same from (r2, r3); each rounded to float.</item>
/// </list>
/// ln, sin and cos are <see cref="PortableMath"/>'s, so the doubles, and the floats, are the same everywhere.
/// </summary>
public static class GaussianNoise
{
    private const double TwoPow32 = 4294967296.0;

    /// <summary>FNV-1a 64-bit hash of the UTF-8 bytes of <paramref name="name"/>.</summary>
    public static ulong StreamHash(string name)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash ^= b;
            hash *= 0x100000001B3UL;
        }
        return hash;
    }

    /// <summary>Fills <paramref name="destination"/> with elements [offset, offset + length) of the stream (seed, name).</summary>
    public static void Fill(Span<float> destination, ulong seed, string streamName, long offset = 0)
    {
        var h = StreamHash(streamName);
        var (k0, k1) = ((uint)seed, (uint)(seed >> 32));
        Span<float> block = stackalloc float[4];
        var i = 0;
        while (i < destination.Length)
        {
            var index = offset + i;
            var b = (ulong)(index >> 2);
            var start = (int)(index & 3);
            GenerateBlock(b, h, k0, k1, block);
            var take = Math.Min(4 - start, destination.Length - i);
            block.Slice(start, take).CopyTo(destination.Slice(i, take));
            i += take;
        }
    }

    /// <summary>A new array of <paramref name="length"/> elements from the start of the stream, filled in parallel chunks (same result for any thread count).</summary>
    public static float[] Create(int length, ulong seed, string streamName)
    {
        var result = new float[length];
        const int chunk = 1 << 16;
        var chunks = (length + chunk - 1) / chunk;
        Parallel.For(0, chunks, c =>
        {
            var start = c * chunk;
            Fill(result.AsSpan(start, Math.Min(chunk, length - start)), seed, streamName, start);
        });
        return result;
    }

    private static void GenerateBlock(ulong block, ulong h, uint k0, uint k1, Span<float> output)
    {
        var (r0, r1, r2, r3) = Philox4x32.Generate(((uint)block, (uint)(block >> 32), (uint)h, (uint)(h >> 32)), k0, k1);
        BoxMuller(r0, r1, output);
        BoxMuller(r2, r3, output[2..]);
    }

    private static void BoxMuller(uint radiusBits, uint angleBits, Span<float> output)
    {
        var u = (radiusBits + 0.5) / TwoPow32;
        var turns = (angleBits + 0.5) / TwoPow32;
        var rho = Math.Sqrt(-2.0 * PortableMath.Log(u));
        var (sin, cos) = PortableMath.SinCosTurns(turns);
        output[0] = (float)(rho * cos);
        output[1] = (float)(rho * sin);
    }
}
