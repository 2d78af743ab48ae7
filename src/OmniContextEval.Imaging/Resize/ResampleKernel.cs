namespace OmniContextEval.Imaging.Resize;

/// <summary>
/// Precomputed 1-D resampling weights: output index i reads <c>Count[i]</c> input samples starting at
/// <c>Start[i]</c>, weighted by <c>Weights[i * Stride .. i * Stride + Count[i]]</c>.
/// </summary>
internal sealed class ResampleKernel<T>(int[] start, int[] count, T[] weights, int stride)
{
    public int[] Start { get; } = start;
    public int[] Count { get; } = count;
    public T[] Weights { get; } = weights;
    public int Stride { get; } = stride;
    public int OutputSize => Start.Length;

    public ReadOnlySpan<T> WeightsOf(int output) => Weights.AsSpan(output * Stride, Count[output]);

    /// <summary>First input index any output reads, and one past the last.</summary>
    public (int First, int End) InputRange()
    {
        int first = int.MaxValue, end = 0;
        for (var i = 0; i < Start.Length; i++)
        {
            first = Math.Min(first, Start[i]);
            end = Math.Max(end, Start[i] + Count[i]);
        }
        return (first, end);
    }

    /// <summary>The same kernel with every start shifted by <paramref name="delta"/> (to read from a sub-range of rows).</summary>
    public ResampleKernel<T> Shifted(int delta) =>
        delta == 0 ? this : new(Start.Select(s => s + delta).ToArray(), Count, Weights, Stride);
}
