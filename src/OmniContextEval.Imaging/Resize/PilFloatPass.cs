using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OmniContextEval.Imaging.Resize;

/// <summary>
/// Pillow's 32-bit float (mode "F") resampling pass: double weights, a double sum started at zero and added
/// in tap order, stored as float32 (<c>ImagingResampleVertical_32bpc</c> arithmetic, bit-exact).
/// Vectorised over 8 floats of a row at a time.
/// </summary>
internal sealed class PilFloatPass(ResampleKernel<double> kernel) : IAxisPass<float>
{
    public int OutputCount => kernel.OutputSize;
    public (int First, int End) InputRange => kernel.InputRange();

    public void Apply(ReadOnlySpan<float> source, int rowLength, int firstRow, Span<float> destination)
    {
        for (var i = 0; i < kernel.OutputSize; i++)
        {
            var weights = kernel.WeightsOf(i);
            var rows = source[((kernel.Start[i] - firstRow) * rowLength)..];
            var output = destination.Slice(i * rowLength, rowLength);
            var done = Vector256.IsHardwareAccelerated ? ApplyVector(rows, rowLength, weights, output) : 0;
            for (var x = done; x < rowLength; x++)
            {
                var sum = 0.0;
                for (var k = 0; k < weights.Length; k++)
                    sum += rows[k * rowLength + x] * weights[k];
                output[x] = (float)sum;
            }
        }
    }

    private static int ApplyVector(ReadOnlySpan<float> rows, int rowLength, ReadOnlySpan<double> weights, Span<float> output)
    {
        ref var input = ref MemoryMarshal.GetReference(rows);
        var blocks = rowLength / 8 * 8;
        for (var x = 0; x < blocks; x += 8)
        {
            Vector256<double> s0 = Vector256<double>.Zero, s1 = Vector256<double>.Zero;
            for (var k = 0; k < weights.Length; k++)
            {
                var w = Vector256.Create(weights[k]);
                var (lo, hi) = Vector256.Widen(Vector256.LoadUnsafe(ref input, (nuint)(k * rowLength + x)));
                s0 += lo * w;
                s1 += hi * w;
            }
            Vector256.Narrow(s0, s1).StoreUnsafe(ref MemoryMarshal.GetReference(output), (nuint)x);
        }
        return blocks;
    }
}
