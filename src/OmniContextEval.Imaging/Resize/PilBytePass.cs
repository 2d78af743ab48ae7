using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OmniContextEval.Imaging.Resize;

/// <summary>
/// Pillow's 8-bit resampling pass: 22-bit fixed-point weights, integer sums started at one half, the result
/// shifted back and clipped to 0..255 (<c>ImagingResampleVertical_8bpc</c> arithmetic, exact).
/// Vectorised over 32 bytes of a row at a time.
/// </summary>
internal sealed class PilBytePass(ResampleKernel<int> kernel) : IAxisPass<byte>
{
    private const int Half = 1 << (PilKernels.PrecisionBits - 1);

    public int OutputCount => kernel.OutputSize;
    public (int First, int End) InputRange => kernel.InputRange();

    public void Apply(ReadOnlySpan<byte> source, int rowLength, int firstRow, Span<byte> destination)
    {
        for (var i = 0; i < kernel.OutputSize; i++)
        {
            var weights = kernel.WeightsOf(i);
            var rows = source[((kernel.Start[i] - firstRow) * rowLength)..];
            var output = destination.Slice(i * rowLength, rowLength);
            var done = Vector256.IsHardwareAccelerated ? ApplyVector(rows, rowLength, weights, output) : 0;
            for (var x = done; x < rowLength; x++)
            {
                var sum = Half;
                for (var k = 0; k < weights.Length; k++)
                    sum += rows[k * rowLength + x] * weights[k];
                output[x] = Clip8(sum);
            }
        }
    }

    private static byte Clip8(int sum)
    {
        var value = sum >> PilKernels.PrecisionBits;
        return value < 0 ? (byte)0 : value > 255 ? (byte)255 : (byte)value;
    }

    /// <summary>Handles whole 32-byte blocks; returns how many bytes of the row it wrote.</summary>
    private static int ApplyVector(ReadOnlySpan<byte> rows, int rowLength, ReadOnlySpan<int> weights, Span<byte> output)
    {
        ref var input = ref MemoryMarshal.GetReference(rows);
        var blocks = rowLength / 32 * 32;
        var half = Vector256.Create(Half);
        for (var x = 0; x < blocks; x += 32)
        {
            Vector256<int> s0 = half, s1 = half, s2 = half, s3 = half;
            for (var k = 0; k < weights.Length; k++)
            {
                var w = Vector256.Create(weights[k]);
                var bytes = Vector256.LoadUnsafe(ref input, (nuint)(k * rowLength + x));
                var (lo, hi) = Vector256.Widen(bytes);
                var (a, b) = Vector256.Widen(lo);
                var (c, d) = Vector256.Widen(hi);
                s0 += a.AsInt32() * w;
                s1 += b.AsInt32() * w;
                s2 += c.AsInt32() * w;
                s3 += d.AsInt32() * w;
            }
            var low = Vector256.Narrow(Clip(s0), Clip(s1));
            var high = Vector256.Narrow(Clip(s2), Clip(s3));
            Vector256.Narrow(low.AsUInt16(), high.AsUInt16()).StoreUnsafe(ref MemoryMarshal.GetReference(output), (nuint)x);
        }
        return blocks;
    }

    private static Vector256<int> Clip(Vector256<int> sum) =>
        Vector256.Min(Vector256.Max(Vector256.ShiftRightArithmetic(sum, PilKernels.PrecisionBits), Vector256<int>.Zero), Vector256.Create(255));
}
