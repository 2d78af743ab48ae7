using System.Buffers;

namespace OmniContextEval.Imaging.Resize;

/// <summary>
/// Runs a horizontal then a vertical <see cref="IAxisPass{T}"/> over an interleaved image (Pillow's and torch's
/// order). The horizontal pass runs on the transposed input, restricted to the rows the vertical pass reads, so
/// both passes are row combinations that vectorise along contiguous memory.
/// </summary>
internal static class SeparableResampler
{
    public static void Run<T>(ReadOnlySpan<T> source, int width, int height, int channels,
        IAxisPass<T> horizontal, IAxisPass<T> vertical, Span<T> destination) where T : unmanaged
    {
        var (y0, y1) = vertical.InputRange;
        var (x0, x1) = horizontal.InputRange;
        if (y0 < 0 || y1 > height || x0 < 0 || x1 > width)
            throw new ArgumentOutOfRangeException(nameof(source), $"passes read outside the {width}x{height} input");
        int rows = y1 - y0, outWidth = horizontal.OutputCount, outRow = outWidth * channels;
        if (destination.Length < vertical.OutputCount * outRow)
            throw new ArgumentException($"destination holds {destination.Length} elements, needs {vertical.OutputCount * outRow}", nameof(destination));

        var temp = ArrayPool<T>.Shared.Rent(rows * outRow);
        try
        {
            if (horizontal is IdentityPass<T>)
                CopyWindow(source, width * channels, y0, rows, x0 * channels, outRow, temp);
            else
                HorizontalPass(source, width, channels, horizontal, y0, rows, temp);
            vertical.Apply(temp.AsSpan(0, rows * outRow), outRow, y0, destination);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(temp);
        }
    }

    private static void HorizontalPass<T>(ReadOnlySpan<T> source, int width, int channels, IAxisPass<T> horizontal,
        int y0, int rows, T[] temp) where T : unmanaged
    {
        var (x0, x1) = horizontal.InputRange;
        var columnLength = rows * channels;
        var transposed = ArrayPool<T>.Shared.Rent((x1 - x0) * columnLength);
        var resampled = ArrayPool<T>.Shared.Rent(horizontal.OutputCount * columnLength);
        try
        {
            var window = source[(y0 * width * channels)..];
            Transpose.Pixels(window[(x0 * channels)..], width * channels, rows, x1 - x0, channels, transposed);
            horizontal.Apply(transposed.AsSpan(0, (x1 - x0) * columnLength), columnLength, x0, resampled);
            Transpose.Pixels(resampled, columnLength, horizontal.OutputCount, rows, channels, temp);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(transposed);
            ArrayPool<T>.Shared.Return(resampled);
        }
    }

    private static void CopyWindow<T>(ReadOnlySpan<T> source, int sourceRow, int y0, int rows, int start, int length, Span<T> destination)
    {
        for (var y = 0; y < rows; y++)
            source.Slice((y0 + y) * sourceRow + start, length).CopyTo(destination.Slice(y * length, length));
    }
}
