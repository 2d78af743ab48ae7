using System.Buffers.Binary;
using System.IO.Compression;
using OmniContextEval.Imaging;

namespace OmniContextEval.Generation.Tests.TestSupport;

/// <summary>
/// Reads 8-bit RGB, non-interlaced PNGs (what PngEncoder writes) so adapter tests run without the native decoders.
/// Anything else is refused with an <see cref="ImageDecodeException"/>, as the real decoder does.
/// </summary>
internal static class TestPngDecoder
{
    public static RgbImage Decode(byte[] data, string name)
    {
        if (data.Length < 8 || BinaryPrimitives.ReadUInt64BigEndian(data) != 0x89504E470D0A1A0AUL)
            throw new ImageDecodeException(name, "not a PNG file");
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at + 8 <= data.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(data, at + 4, 4);
            var body = data.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(body), BinaryPrimitives.ReadInt32BigEndian(body[4..]));
                if (body[8] != 8 || body[9] != 2 || body[12] != 0) throw new ImageDecodeException(name, "only 8-bit RGB non-interlaced PNGs");
            }
            if (type == "IDAT") idat.Write(body);
            at += 12 + length;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var stride = width * 3;
        var raw = new byte[(stride + 1) * height];
        z.ReadExactly(raw);
        var image = new RgbImage(width, height);
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var row = image.Row(y);
            raw.AsSpan(y * (stride + 1) + 1, stride).CopyTo(row);
            if (filter == 2 && y > 0) { var above = image.Row(y - 1); for (var i = 0; i < stride; i++) row[i] += above[i]; }
            else if (filter != 0 && !(filter == 2 && y == 0)) throw new ImageDecodeException(name, $"filter {filter} not supported by the test decoder");
        }
        return image;
    }

    public static RgbImage DecodeFile(string path) =>
        File.Exists(path) ? Decode(File.ReadAllBytes(path), path) : throw new ImageDecodeException(path, "file not found");

    public static readonly Generation.Adapters.ImageLoading Loading = new(DecodeFile, Decode);
}
