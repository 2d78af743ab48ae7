namespace OmniContextEval.Imaging.Resize;

/// <summary>Transposes images of interleaved pixels (each pixel <c>channels</c> consecutive elements), in cache-sized tiles.</summary>
internal static class Transpose
{
    private const int Tile = 32;

    /// <summary>
    /// Reads <paramref name="rows"/> x <paramref name="columns"/> pixels (rows <paramref name="sourceStride"/> elements
    /// apart) and writes them as <paramref name="columns"/> rows of <paramref name="rows"/> pixels, packed.
    /// </summary>
    public static void Pixels<T>(ReadOnlySpan<T> source, int sourceStride, int rows, int columns, int channels, Span<T> destination)
    {
        var destinationStride = rows * channels;
        for (var r0 = 0; r0 < rows; r0 += Tile)
        for (var c0 = 0; c0 < columns; c0 += Tile)
        {
            int r1 = Math.Min(r0 + Tile, rows), c1 = Math.Min(c0 + Tile, columns);
            for (var r = r0; r < r1; r++)
            {
                var sourceRow = source.Slice(r * sourceStride);
                for (var c = c0; c < c1; c++)
                for (var k = 0; k < channels; k++)
                    destination[c * destinationStride + r * channels + k] = sourceRow[c * channels + k];
            }
        }
    }
}
