using System.Runtime.Intrinsics;

namespace OmniContextEval.Generation.Velocity;

/// <summary>
/// Dot products of float vectors accumulated in double over 8 fixed lanes (element i goes to lane i mod 8,
/// lanes summed pairwise at the end). float x float is exact in double, so the result depends only on the
/// inputs: the same with or without SIMD, on any machine, whatever the thread count.
/// </summary>
public static class PortableDot
{
    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"lengths differ: {a.Length} and {b.Length}");
        var n = a.Length;
        var full = n - n % 8;
        Span<double> lanes = stackalloc double[8];
        var i = 0;
        if (Vector256.IsHardwareAccelerated && full > 0)
        {
            var low = Vector256<double>.Zero;
            var high = Vector256<double>.Zero;
            for (; i < full; i += 8)
            {
                var va = Vector256.Create(a.Slice(i, 8));
                var vb = Vector256.Create(b.Slice(i, 8));
                var (aLow, aHigh) = Vector256.Widen(va);
                var (bLow, bHigh) = Vector256.Widen(vb);
                low += aLow * bLow;
                high += aHigh * bHigh;
            }
            low.CopyTo(lanes);
            high.CopyTo(lanes[4..]);
        }
        else
        {
            for (; i < full; i += 8)
                for (var lane = 0; lane < 8; lane++)
                    lanes[lane] += (double)a[i + lane] * b[i + lane];
        }
        for (var lane = 0; i < n; i++, lane++) lanes[lane] += (double)a[i] * b[i];
        return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
    }
}
