using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OmniContextEval.Imaging.Resize;

/// <summary>Transposes images of interleaved pixels (each pixel <c>channels</c> consecutive elements), in cache-sized tiles.</summary>
internal static class Transpose
{
    private const int Tile = 16;

    /// <summary>
    /// Reads <paramref name="rows"/> x <paramref name="columns"/> pixels (rows <paramref name="sourceStride"/> elements
    /// apart) and writes them as <paramref name="columns"/> rows of <paramref name="rows"/> pixels, packed.
    /// </summary>
    public static void Pixels<T>(ReadOnlySpan<T> source, int sourceStride, int rows, int columns, int channels, Span<T> destination)
        where T : unmanaged
    {
        if (rows == 0 || columns == 0) return;
        if ((long)(rows - 1) * sourceStride + (long)columns * channels > source.Length)
            throw new ArgumentException($"source holds {source.Length} elements, fewer than {rows}x{columns} pixels with stride {sourceStride}", nameof(source));
        if ((long)rows * columns * channels > destination.Length)
            throw new ArgumentException($"destination holds {destination.Length} elements, fewer than {rows}x{columns} pixels", nameof(destination));
        ref var from = ref MemoryMarshal.GetReference(source);
        ref var to = ref MemoryMarshal.GetReference(destination);
        if (typeof(T) == typeof(byte) && channels == 3)
        {
            Rgb(ref Unsafe.As<T, byte>(ref from), sourceStride, rows, columns, ref Unsafe.As<T, byte>(ref to));
            return;
        }
        var destinationStride = rows * channels;
        for (var r0 = 0; r0 < rows; r0 += Tile)
        for (var c0 = 0; c0 < columns; c0 += Tile)
        {
            int r1 = Math.Min(r0 + Tile, rows), c1 = Math.Min(c0 + Tile, columns);
            for (var r = r0; r < r1; r++)
            {
                ref var sourceRow = ref Unsafe.Add(ref from, (nint)r * sourceStride);
                if (channels == 1)
                    for (var c = c0; c < c1; c++)
                        Unsafe.Add(ref to, (nint)c * destinationStride + r) = Unsafe.Add(ref sourceRow, c);
                else
                    for (var c = c0; c < c1; c++)
                    {
                        ref var pixel = ref Unsafe.Add(ref sourceRow, c * channels);
                        ref var target = ref Unsafe.Add(ref to, (nint)c * destinationStride + r * channels);
                        for (var k = 0; k < channels; k++)
                            Unsafe.Add(ref target, k) = Unsafe.Add(ref pixel, k);
                    }
            }
        }
    }

    /// <summary>
    /// RGB bytes: each pixel moves as one 4-byte read and write; the stray fourth byte lands on the next pixel of the
    /// destination row, which is written afterwards. The last pixel of every destination row (the last source row)
    /// is moved byte by byte, so nothing is read or written outside the buffers.
    /// </summary>
    private static void Rgb(ref byte from, int sourceStride, int rows, int columns, ref byte to)
    {
        var destinationStride = rows * 3;
        for (var r0 = 0; r0 < rows; r0 += Tile)
        for (var c0 = 0; c0 < columns; c0 += Tile)
        {
            int r1 = Math.Min(r0 + Tile, rows), c1 = Math.Min(c0 + Tile, columns);
            var fast = Math.Min(r1, rows - 1);
            for (var c = c0; c < c1; c++)
            {
                ref var target = ref Unsafe.Add(ref to, (nint)c * destinationStride);
                ref var column = ref Unsafe.Add(ref from, c * 3);
                var r = r0;
                for (; r < fast; r++)
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, r * 3),
                        Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref column, (nint)r * sourceStride)));
                for (; r < r1; r++)
                    for (var k = 0; k < 3; k++)
                        Unsafe.Add(ref target, r * 3 + k) = Unsafe.Add(ref column, (nint)r * sourceStride + k);
            }
        }
    }
}
