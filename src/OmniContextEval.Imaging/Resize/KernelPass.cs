namespace OmniContextEval.Imaging.Resize;

/// <summary>
/// A pass driven by a <see cref="ResampleKernel{T}"/>: output row i combines the consecutive input rows
/// <c>Start[i] .. Start[i] + Count[i]</c>; subclasses supply the arithmetic for one output row.
/// </summary>
internal abstract class KernelPass<T, TWeight>(ResampleKernel<TWeight> kernel) : IAxisPass<T> where T : unmanaged
{
    public int OutputCount => kernel.OutputSize;
    public (int First, int End) InputRange => kernel.InputRange();

    public void Apply(ReadOnlySpan<T> source, int rowLength, int firstRow, Span<T> destination)
    {
        for (var i = 0; i < kernel.OutputSize; i++)
            ApplyRow(source[((kernel.Start[i] - firstRow) * rowLength)..], rowLength, kernel.WeightsOf(i), destination.Slice(i * rowLength, rowLength));
    }

    /// <summary>
    /// Writes one output row; <paramref name="rows"/> starts at the first input row the weights apply to, rows
    /// <paramref name="rowLength"/> elements apart.
    /// </summary>
    protected abstract void ApplyRow(ReadOnlySpan<T> rows, int rowLength, ReadOnlySpan<TWeight> weights, Span<T> output);
}
