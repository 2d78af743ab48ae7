using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using OmniContextEval.Core;

namespace OmniContextEval.Imaging.Npy;

/// <summary>
/// Writes NumPy <c>.npy</c> files (format version 1.0, C order) that <c>numpy.load</c> reads back unchanged.
/// The header is padded so that the data starts on a 64-byte boundary, as NumPy itself writes it.
/// </summary>
public static class NpyWriter
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];

    /// <summary>The complete file contents for a float32 array of the given shape.</summary>
    public static byte[] Float32(ReadOnlySpan<float> data, ReadOnlySpan<int> shape) =>
        Encode(NpyElementType.Float32, MemoryMarshal.AsBytes(data), shape);

    /// <summary>The complete file contents for a float64 array of the given shape.</summary>
    public static byte[] Float64(ReadOnlySpan<double> data, ReadOnlySpan<int> shape) =>
        Encode(NpyElementType.Float64, MemoryMarshal.AsBytes(data), shape);

    /// <summary>The complete file contents for a uint8 array of the given shape.</summary>
    public static byte[] UInt8(ReadOnlySpan<byte> data, ReadOnlySpan<int> shape) =>
        Encode(NpyElementType.UInt8, data, shape);

    /// <summary>Writes a float32 array atomically (a killed process leaves no partial file).</summary>
    public static void WriteFloat32(string path, ReadOnlySpan<float> data, ReadOnlySpan<int> shape) =>
        AtomicFile.WriteAllBytes(path, Float32(data, shape));

    private static byte[] Encode(NpyElementType type, ReadOnlySpan<byte> data, ReadOnlySpan<int> shape)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("the .npy writer assumes a little-endian machine");
        long count = 1;
        foreach (var d in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(shape));
            count *= d;
        }
        if (count * NpyArray.ElementSize(type) != data.Length)
            throw new ArgumentException($"shape ({Join(shape)}) holds {count} elements, data has {data.Length / NpyArray.ElementSize(type)}");

        var header = Header(type, shape);
        var bytes = new byte[Magic.Length + 2 + header.Length + data.Length];
        Magic.CopyTo(bytes, 0);
        bytes[Magic.Length] = (byte)(header.Length & 0xFF);
        bytes[Magic.Length + 1] = (byte)(header.Length >> 8);
        header.CopyTo(bytes, Magic.Length + 2);
        data.CopyTo(bytes.AsSpan(Magic.Length + 2 + header.Length));
        return bytes;
    }

    private static byte[] Header(NpyElementType type, ReadOnlySpan<int> shape)
    {
        var tuple = shape.Length == 1 ? $"({Join(shape)},)" : $"({Join(shape)})";
        var text = $"{{'descr': '{NpyArray.Descriptor(type)}', 'fortran_order': False, 'shape': {tuple}, }}";
        var unpadded = Magic.Length + 2 + text.Length + 1;
        var padding = (64 - unpadded % 64) % 64;
        return Encoding.ASCII.GetBytes(text + new string(' ', padding) + "\n");
    }

    private static string Join(ReadOnlySpan<int> shape)
    {
        var parts = new string[shape.Length];
        for (var i = 0; i < shape.Length; i++)
            parts[i] = shape[i].ToString(CultureInfo.InvariantCulture);
        return string.Join(", ", parts);
    }
}
