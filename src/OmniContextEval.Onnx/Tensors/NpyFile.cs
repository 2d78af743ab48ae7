using System.Globalization;
using System.Text;
using OmniContextEval.Core;

namespace OmniContextEval.Onnx.Tensors;

/// <summary>A float32 array with its shape, as stored in a NumPy <c>.npy</c> file (C order, little-endian).</summary>
public sealed record NpyArray(IReadOnlyList<int> Shape, float[] Data);

/// <summary>Reads and writes NumPy <c>.npy</c> version 1.0 files of little-endian float32 (<c>&lt;f4</c>), C order.</summary>
public static class NpyFile
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Writes <paramref name="data"/> with <paramref name="shape"/> atomically.</summary>
    public static void Write(string path, ReadOnlySpan<float> data, IReadOnlyList<int> shape)
    {
        if (shape.Aggregate(1L, (a, d) => a * d) != data.Length)
            throw new ArgumentException($"shape ({string.Join(",", shape)}) does not hold {data.Length} values");
        var dims = shape.Count == 1 ? $"{shape[0]}," : string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        var header = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({dims}), }}";
        var total = Magic.Length + 4 + header.Length + 1;
        header = header.PadRight(header.Length + (64 - total % 64) % 64) + "\n";
        using var buffer = new MemoryStream();
        buffer.Write(Magic);
        buffer.Write([1, 0]);
        buffer.Write(BitConverter.GetBytes((ushort)header.Length));
        buffer.Write(Encoding.ASCII.GetBytes(header));
        foreach (var v in data)
            buffer.Write(BitConverter.GetBytes(v));
        AtomicFile.WriteAllBytes(path, buffer.ToArray());
    }

    /// <summary>Reads a float32 file; any other layout is an <see cref="ExitCodes.InvalidInput"/> naming the file.</summary>
    public static NpyArray Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
            throw new HarnessException($"{path}: not a .npy file");
        var headerLength = bytes[6] == 1 ? BitConverter.ToUInt16(bytes, 8) : (int)BitConverter.ToUInt32(bytes, 8);
        var offset = bytes[6] == 1 ? 10 : 12;
        var header = Encoding.ASCII.GetString(bytes, offset, headerLength);
        if (!header.Contains("'descr': '<f4'") || header.Contains("'fortran_order': True"))
            throw new HarnessException($"{path}: expected little-endian float32 in C order, header is {header.Trim()}");
        var shapeText = header[(header.IndexOf("'shape': (", StringComparison.Ordinal) + 10)..];
        shapeText = shapeText[..shapeText.IndexOf(')')];
        var shape = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var count = shape.Aggregate(1, (a, d) => a * d);
        var dataOffset = offset + headerLength;
        if (bytes.Length - dataOffset != count * 4)
            throw new HarnessException($"{path}: header says {count} values, file holds {(bytes.Length - dataOffset) / 4}");
        var data = new float[count];
        Buffer.BlockCopy(bytes, dataOffset, data, 0, count * 4);
        return new NpyArray(shape, data);
    }
}
