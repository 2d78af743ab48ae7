using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OmniContextEval.Core;

namespace OmniContextEval.Metrics.Numerics;

/// <summary>Reads and writes NumPy <c>.npy</c> (format 1.0/2.0; float64, float32, uint8; C order, little-endian).</summary>
public static partial class NpyFile
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static NpyArray Read(string path) => Read(File.ReadAllBytes(path), path);

    /// <summary>Parses an .npy image; <paramref name="name"/> is used in error messages.</summary>
    public static NpyArray Read(ReadOnlySpan<byte> data, string name)
    {
        if (data.Length < 10 || !data[..6].SequenceEqual(Magic))
            throw new HarnessException($"{name}: not a NumPy .npy array (bad magic)");
        int major = data[6];
        int headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) : (int)BinaryPrimitives.ReadUInt32LittleEndian(data[8..]);
        int start = major == 1 ? 10 : 12;
        if (start + headerLength > data.Length)
            throw new HarnessException($"{name}: truncated .npy header");
        var header = Encoding.ASCII.GetString(data.Slice(start, headerLength));
        var descr = DescrPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !shape.Success)
            throw new HarnessException($"{name}: unreadable .npy header '{header.Trim()}'");
        if (header.Contains("'fortran_order': True"))
            throw new HarnessException($"{name}: Fortran-ordered arrays are not supported (save with C order)");
        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var body = data[(start + headerLength)..];
        long count = dims.Aggregate(1L, (a, b) => a * b);
        var type = descr.Groups[1].Value;
        int itemSize = type switch { NpyArray.F8 => 8, NpyArray.F4 => 4, NpyArray.U1 or "<u1" => 1, _ => 0 };
        if (itemSize == 0)
            throw new HarnessException($"{name}: element type '{type}' is not supported (float64, float32 or uint8)");
        if (body.Length < count * itemSize)
            throw new HarnessException($"{name}: {count} elements of {itemSize} bytes expected, file holds {body.Length} bytes");
        return itemSize switch
        {
            8 => NpyArray.Of(ReadAll(body, (int)count, BinaryPrimitives.ReadDoubleLittleEndian, 8), dims),
            4 => NpyArray.Of(ReadAll(body, (int)count, BinaryPrimitives.ReadSingleLittleEndian, 4), dims),
            _ => new NpyArray(NpyArray.U1, dims, UInt8: body[..(int)count].ToArray()),
        };
    }

    /// <summary>Serialises float64 or float32 arrays (format 1.0, header padded to 64 bytes as NumPy does).</summary>
    public static byte[] Write(NpyArray array)
    {
        var shape = array.Shape.Count == 1 ? $"({array.Shape[0]},)" : "(" + string.Join(", ", array.Shape) + ")";
        var dict = $"{{'descr': '{array.DType}', 'fortran_order': False, 'shape': {shape}, }}";
        int total = 10 + dict.Length + 1;
        var header = dict + new string(' ', (64 - total % 64) % 64) + "\n";
        using var stream = new MemoryStream();
        stream.Write(Magic);
        stream.Write([1, 0]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        stream.Write(length);
        stream.Write(Encoding.ASCII.GetBytes(header));
        Span<byte> item = stackalloc byte[8];
        if (array.Float64 is { } doubles)
            foreach (var v in doubles) { BinaryPrimitives.WriteDoubleLittleEndian(item, v); stream.Write(item); }
        else if (array.Float32 is { } floats)
            foreach (var v in floats) { BinaryPrimitives.WriteSingleLittleEndian(item, v); stream.Write(item[..4]); }
        else
            stream.Write(array.UInt8);
        return stream.ToArray();
    }

    private static T[] ReadAll<T>(ReadOnlySpan<byte> body, int count, ReadItem<T> read, int size)
    {
        var values = new T[count];
        for (int i = 0; i < count; i++)
            values[i] = read(body.Slice(i * size, size));
        return values;
    }

    private delegate T ReadItem<T>(ReadOnlySpan<byte> source);

    [GeneratedRegex(@"'descr':\s*'([^']+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
