using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OmniContextEval.Imaging.Resize;

/// <summary>
/// torch's antialiased float32 interpolation pass (CPU, torch 1.13): float32 weights, a float32 sum that starts
/// with the first tap's product and adds the others in order. Debian's build of that loop (GCC, AVX2 + FMA)
/// adds the taps after the first in groups of four as separately rounded products and fuses the remaining
/// (taps - 1) % 4 into fused multiply-adds; doing the same makes the result bit-identical to it (other builds
/// differ from it by at most a few float32 ulps).
/// </summary>
internal sealed class TorchFloatPass(ResampleKernel<float> kernel) : IAxisPass<float>
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
                var sum = rows[x] * weights[0];
                var k = 1;
                for (; k < Unfused(weights.Length); k++)
                    sum += rows[k * rowLength + x] * weights[k];
                for (; k < weights.Length; k++)
                    sum = MathF.FusedMultiplyAdd(rows[k * rowLength + x], weights[k], sum);
                output[x] = sum;
            }
        }
    }

    private static int ApplyVector(ReadOnlySpan<float> rows, int rowLength, ReadOnlySpan<float> weights, Span<float> output)
    {
        ref var input = ref MemoryMarshal.GetReference(rows);
        var blocks = rowLength / 8 * 8;
        for (var x = 0; x < blocks; x += 8)
        {
            var sum = Vector256.LoadUnsafe(ref input, (nuint)x) * weights[0];
            var k = 1;
            for (; k < Unfused(weights.Length); k++)
                sum += Vector256.LoadUnsafe(ref input, (nuint)(k * rowLength + x)) * weights[k];
            for (; k < weights.Length; k++)
                sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref input, (nuint)(k * rowLength + x)), Vector256.Create(weights[k]), sum);
            sum.StoreUnsafe(ref MemoryMarshal.GetReference(output), (nuint)x);
        }
        return blocks;
    }

    /// <summary>One past the last tap added unfused: the first tap plus whole groups of four.</summary>
    private static int Unfused(int taps) => 1 + (taps - 1) / 4 * 4;
}
