using System.Buffers.Binary;
using OmniContextEval.Imaging.Codecs;

namespace OmniContextEval.Imaging.Tests.Codecs;

/// <summary>Builds broken variants of corpus files: headers with chosen sizes, wrong magic numbers.</summary>
public static class CorruptImages
{
    /// <summary>One corpus file per decoding path (PNG depths/interlace/palette, JPEG kinds, WebP kinds).</summary>
    public static readonly string[] Representatives =
    [
        "png_gray1_adam7.png", "png_gray16.png", "png_p4_trns.png", "png_rgb8.png", "png_rgba16_adam7.png", "png_ga8.png",
        "jpeg_baseline420.jpg", "jpeg_progressive_odd.jpg", "jpeg_gray.jpg", "jpeg_cmyk_adobe.jpg",
        "webp_lossy.webp", "webp_lossless.webp", "webp_lossy_alpha.webp", "webp_exif_rot8.webp", "webp_animated.webp",
    ];

    public static byte[] Read(string file) => File.ReadAllBytes(TestPaths.Fixture("images", "corpus", file));

    /// <summary>A corpus file whose header claims <paramref name="width"/> x <paramref name="height"/> (PNG: IHDR with a valid CRC).</summary>
    public static byte[] WithSize(string file, long width, long height)
    {
        var data = Read(file);
        switch (Path.GetExtension(file))
        {
            case ".png":
                BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(16), (uint)width);
                BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(20), (uint)height);
                BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(29), Crc32.Update(0xFFFFFFFFu, data.AsSpan(12, 17)) ^ 0xFFFFFFFFu);
                break;
            case ".jpg":
                var sof = FindJpegFrameHeader(data);
                BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(sof + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(sof + 7), (ushort)width);
                break;
            default:
                data = WebpWithSize(data, width, height);
                break;
        }
        return data;
    }

    /// <summary>The offset of the first SOFn marker.</summary>
    public static int FindJpegFrameHeader(byte[] data)
    {
        for (var at = 2; at + 4 < data.Length;)
        {
            var marker = data[at + 1];
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC) return at;
            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at + 2));
        }
        throw new InvalidDataException("no SOF marker");
    }

    private static byte[] WebpWithSize(byte[] data, long width, long height)
    {
        var chunk = System.Text.Encoding.ASCII.GetString(data, 12, 4);
        switch (chunk)
        {
            case "VP8 ":
                BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(26), (ushort)(width & 0x3FFF));
                BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(28), (ushort)(height & 0x3FFF));
                break;
            case "VP8L":
                var bits = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(21)) & 0xF0000000u;
                bits |= (uint)((width - 1) & 0x3FFF) | (uint)(((height - 1) & 0x3FFF) << 14);
                BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(21), bits);
                break;
            default: // VP8X: 24-bit canvas size minus one
                WriteUInt24(data.AsSpan(24), width - 1);
                WriteUInt24(data.AsSpan(27), height - 1);
                break;
        }
        return data;
    }

    private static void WriteUInt24(Span<byte> b, long v)
    {
        b[0] = (byte)v;
        b[1] = (byte)(v >> 8);
        b[2] = (byte)(v >> 16);
    }
}
