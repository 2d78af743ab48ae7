using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OmniContextEval.Imaging.Resize;

/// <summary>How a two-tap pass combines its rows; static so the JIT specialises each pass.</summary>
internal interface ITwoRowBlend
{
    static abstract float Blend(float a, float b, float weightA, float weightB);
    static abstract Vector256<float> Blend(Vector256<float> a, Vector256<float> b, float weightA, float weightB);
}

/// <summary>
/// A pass where output row i reads exactly two input rows <c>Lower[i]</c> and <c>Upper[i]</c> (which may be the
/// same row at the border, as in torch and TF1) and blends them with <typeparamref name="TBlend"/>.
/// </summary>
internal sealed class TwoRowPass<TBlend>(int[] lower, int[] upper, float[] weightLower, float[] weightUpper)
    : IAxisPass<float> where TBlend : ITwoRowBlend
{
    public int OutputCount => lower.Length;
    public (int First, int End) InputRange => (lower.Min(), upper.Max() + 1);

    public void Apply(ReadOnlySpan<float> source, int rowLength, int firstRow, Span<float> destination)
    {
        for (var i = 0; i < lower.Length; i++)
        {
            var a = source.Slice((lower[i] - firstRow) * rowLength, rowLength);
            var b = source.Slice((upper[i] - firstRow) * rowLength, rowLength);
            var output = destination.Slice(i * rowLength, rowLength);
            float wa = weightLower[i], wb = weightUpper[i];
            var x = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref var ra = ref MemoryMarshal.GetReference(a);
                ref var rb = ref MemoryMarshal.GetReference(b);
                ref var ro = ref MemoryMarshal.GetReference(output);
                for (; x + 8 <= rowLength; x += 8)
                    TBlend.Blend(Vector256.LoadUnsafe(ref ra, (nuint)x), Vector256.LoadUnsafe(ref rb, (nuint)x), wa, wb)
                        .StoreUnsafe(ref ro, (nuint)x);
            }
            for (; x < rowLength; x++)
                output[x] = TBlend.Blend(a[x], b[x], wa, wb);
        }
    }
}

/// <summary>
/// torch's linear interpolation <c>a * w0 + b * w1</c> in float32, as Debian's torch 1.13 build computes it:
/// one fused multiply-add, <c>fma(a, w0, b * w1)</c> (bit-identical to it; other builds differ by at most an ulp).
/// </summary>
internal readonly struct WeightedSum : ITwoRowBlend
{
    public static float Blend(float a, float b, float weightA, float weightB) => MathF.FusedMultiplyAdd(a, weightA, b * weightB);

    public static Vector256<float> Blend(Vector256<float> a, Vector256<float> b, float weightA, float weightB) =>
        Vector256.FusedMultiplyAdd(a, Vector256.Create(weightA), b * weightB);
}

/// <summary>TF1's lerp: <c>a + (b - a) * t</c> in float32 (t is the upper weight; the lower one is unused).</summary>
internal readonly struct Lerp : ITwoRowBlend
{
    public static float Blend(float a, float b, float weightA, float weightB) => a + (b - a) * weightB;

    public static Vector256<float> Blend(Vector256<float> a, Vector256<float> b, float weightA, float weightB) =>
        a + (b - a) * weightB;
}
