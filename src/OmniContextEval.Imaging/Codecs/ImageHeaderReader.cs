using System.Buffers.Binary;

namespace OmniContextEval.Imaging.Codecs;

/// <summary>
/// Reads format and size from the first bytes of a file (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X) without
/// decoding anything. Returns null when <paramref name="data"/> ends before the size is known, so a caller
/// holding only the start of a file can read more and try again.
/// </summary>
internal static class ImageHeaderReader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format named by the magic number, or null when no supported format matches.</summary>
    public static ImageFormat? DetectFormat(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(PngSignature)) return ImageFormat.Png;
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return ImageFormat.Jpeg;
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8)) return ImageFormat.Webp;
        return null;
    }

    /// <summary>Format and size; throws <see cref="ImageDecodeException"/> for an unknown format or a malformed header.</summary>
    public static ImageInfo? TryRead(ReadOnlySpan<byte> data, string name)
    {
        var format = DetectFormat(data)
            ?? throw new ImageDecodeException(name, data.Length < 12 && IsPrefixOfKnownMagic(data)
                ? "truncated file: too short for an image header"
                : "not a PNG, JPEG or WebP file (unrecognised magic number)");
        var size = format switch
        {
            ImageFormat.Png => ReadPng(data, name),
            ImageFormat.Jpeg => ReadJpeg(data, name),
            _ => ReadWebp(data, name),
        };
        if (size is not var (width, height)) return null;
        if (width <= 0 || height <= 0)
            throw new ImageDecodeException(name, $"the {format} header gives an empty image ({width}x{height})");
        return new ImageInfo(name, format, width, height);
    }

    private static bool IsPrefixOfKnownMagic(ReadOnlySpan<byte> data) =>
        data.Length > 0 && (PngSignature.StartsWith(data) || data[0] == 0xFF || "RIFF"u8.StartsWith(data[..Math.Min(4, data.Length)]));

    private static (int, int)? ReadPng(ReadOnlySpan<byte> data, string name)
    {
        if (data.Length < 24) return null;
        if (!data[12..16].SequenceEqual("IHDR"u8) || BinaryPrimitives.ReadUInt32BigEndian(data[8..]) != 13)
            throw new ImageDecodeException(name, "PNG without an IHDR chunk first");
        var width = BinaryPrimitives.ReadUInt32BigEndian(data[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[20..]);
        if (width > int.MaxValue || height > int.MaxValue)
            throw new ImageDecodeException(name, $"PNG header gives an impossible size {width}x{height}");
        return ((int)width, (int)height);
    }

    private static (int, int)? ReadJpeg(ReadOnlySpan<byte> data, string name)
    {
        var at = 2;
        while (true)
        {
            if (at + 4 > data.Length) return null;
            if (data[at] != 0xFF) throw new ImageDecodeException(name, $"JPEG marker expected at byte {at}");
            var marker = data[at + 1];
            if (marker == 0xFF) { at++; continue; }                          // fill byte
            if (marker is 0x01 or (>= 0xD0 and <= 0xD8)) { at += 2; continue; } // markers without a length
            if (marker is 0xD9 or 0xDA) throw new ImageDecodeException(name, "JPEG without a frame header (SOF) before its scan data");
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
            if (length < 2) throw new ImageDecodeException(name, $"JPEG segment with invalid length {length} at byte {at}");
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (at + 9 > data.Length) return null;
                return (BinaryPrimitives.ReadUInt16BigEndian(data[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(at + 5)..]));
            }
            at += 2 + length;
        }
    }

    private static (int, int)? ReadWebp(ReadOnlySpan<byte> data, string name)
    {
        if (data.Length < 30) return null;
        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            if (data[23] != 0x9D || data[24] != 0x01 || data[25] != 0x2A)
                throw new ImageDecodeException(name, "WebP VP8 frame without its start code");
            return (BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF);
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (data[20] != 0x2F) throw new ImageDecodeException(name, "WebP VP8L bitstream without its signature");
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
            return (ReadUInt24(data[24..]) + 1, ReadUInt24(data[27..]) + 1);
        throw new ImageDecodeException(name, $"WebP with an unknown first chunk '{System.Text.Encoding.ASCII.GetString(chunk)}'");
    }

    private static int ReadUInt24(ReadOnlySpan<byte> b) => b[0] | (b[1] << 8) | (b[2] << 16);
}
