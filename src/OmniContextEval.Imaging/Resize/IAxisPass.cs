namespace OmniContextEval.Imaging.Resize;

/// <summary>
/// One axis of a separable resize, applied along rows of a buffer: output row i combines whole input rows
/// (every element of a row independently), so one implementation serves both axes (the horizontal axis runs
/// on a transposed buffer).
/// </summary>
internal interface IAxisPass<T> where T : unmanaged
{
    /// <summary>Rows this pass produces.</summary>
    int OutputCount { get; }

    /// <summary>The input rows the outputs read: first, and one past the last.</summary>
    (int First, int End) InputRange { get; }

    /// <summary>
    /// Writes <see cref="OutputCount"/> rows of <paramref name="rowLength"/> elements into <paramref name="destination"/>;
    /// <paramref name="source"/> holds input rows starting at row <paramref name="firstRow"/>.
    /// </summary>
    void Apply(ReadOnlySpan<T> source, int rowLength, int firstRow, Span<T> destination);
}

/// <summary>An axis left at its size (Pillow skips that pass): rows <c>Offset .. Offset + Count</c> are copied unchanged.</summary>
internal sealed class IdentityPass<T>(int offset, int count) : IAxisPass<T> where T : unmanaged
{
    public int OutputCount => count;
    public (int First, int End) InputRange => (offset, offset + count);

    public void Apply(ReadOnlySpan<T> source, int rowLength, int firstRow, Span<T> destination) =>
        source.Slice((offset - firstRow) * rowLength, count * rowLength).CopyTo(destination);
}
