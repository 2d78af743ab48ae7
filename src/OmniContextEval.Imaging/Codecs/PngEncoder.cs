using System.Buffers.Binary;
using System.IO.Compression;
using OmniContextEval.Core;

namespace OmniContextEval.Imaging.Codecs;

/// <summary>
/// Writes 8-bit RGB PNG files (no interlace, filter "Up" on every row). The output is a pure function of
/// the pixels on a given .NET build, so equal images give byte-identical files.
/// </summary>
public static class PngEncoder
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(RgbImage image)
    {
        using var file = new MemoryStream();
        file.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], image.Height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: RGB
        WriteChunk(file, "IHDR", header);
        WriteChunk(file, "IDAT", Compress(image));
        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    /// <summary>Writes atomically: a temporary file beside the target, then a rename, so no partial file is ever seen.</summary>
    public static void Write(string path, RgbImage image) => AtomicFile.WriteAllBytes(path, Encode(image));

    private static byte[] Compress(RgbImage image)
    {
        var stride = image.Width * 3;
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var line = new byte[stride + 1];
            line[0] = 2; // filter: Up
            for (var y = 0; y < image.Height; y++)
            {
                var row = image.Row(y);
                if (y == 0) row.CopyTo(line.AsSpan(1));
                else
                {
                    var above = image.Row(y - 1);
                    for (var i = 0; i < stride; i++) line[i + 1] = (byte)(row[i] - above[i]);
                }
                z.Write(line);
            }
        }
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        Span<byte> typeBytes = stackalloc byte[4];
        for (var i = 0; i < 4; i++) typeBytes[i] = (byte)type[i];
        output.Write(typeBytes);
        output.Write(data);
        var crc = Crc32.Update(Crc32.Update(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        output.Write(word);
    }
}
