using System.Buffers.Binary;

namespace OmniContextEval.Imaging.Exif;

/// <summary>
/// Finds the EXIF block of a PNG (eXIf chunk), JPEG (APP1 "Exif") or WebP (EXIF chunk) and reads its
/// orientation tag (0x0112) from IFD0. Returns 1 (as stored) when there is no block, no tag or the block is
/// malformed: a broken EXIF never fails a decode, as in Pillow.
/// </summary>
internal static class ExifOrientationReader
{
    private const ushort OrientationTag = 0x0112;

    /// <summary>The EXIF orientation, 1..8 (1 = as stored).</summary>
    public static int Read(ReadOnlySpan<byte> file, ImageFormat format)
    {
        var tiff = format switch
        {
            ImageFormat.Jpeg => FindJpegExif(file),
            ImageFormat.Png => FindChunk(file, 8, "eXIf"u8, bigEndianSizes: true),
            _ => FindChunk(file, 12, "EXIF"u8, bigEndianSizes: false),
        };
        if (tiff.StartsWith("Exif\0\0"u8)) tiff = tiff[6..];
        var orientation = ReadOrientation(tiff);
        return orientation is >= 1 and <= 8 ? orientation : 1;
    }

    private static ReadOnlySpan<byte> FindJpegExif(ReadOnlySpan<byte> file)
    {
        var at = 2;
        while (at + 4 <= file.Length && file[at] == 0xFF)
        {
            var marker = file[at + 1];
            if (marker == 0xFF) { at++; continue; }
            if (marker is 0xD9 or 0xDA) break;
            if (marker is 0x01 or (>= 0xD0 and <= 0xD8)) { at += 2; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(file[(at + 2)..]);
            if (length < 2 || at + 2 + length > file.Length) break;
            var body = file.Slice(at + 4, length - 2);
            if (marker == 0xE1 && body.StartsWith("Exif\0\0"u8)) return body;
            at += 2 + length;
        }
        return [];
    }

    /// <summary>PNG chunks (length, type, data, CRC; big-endian) or RIFF chunks (type, length, data, pad; little-endian).</summary>
    private static ReadOnlySpan<byte> FindChunk(ReadOnlySpan<byte> file, int at, ReadOnlySpan<byte> type, bool bigEndianSizes)
    {
        while (at + 8 <= file.Length)
        {
            var png = bigEndianSizes;
            var size = png ? BinaryPrimitives.ReadUInt32BigEndian(file[at..]) : BinaryPrimitives.ReadUInt32LittleEndian(file[(at + 4)..]);
            var kind = png ? file.Slice(at + 4, 4) : file.Slice(at, 4);
            if (size > (uint)(file.Length - at - 8)) break;
            if (kind.SequenceEqual(type)) return file.Slice(at + 8, (int)size);
            at += 8 + (int)size + (png ? 4 : (int)(size & 1));
        }
        return [];
    }

    private static int ReadOrientation(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8) return 1;
        bool little = tiff[0] == 'I' && tiff[1] == 'I', big = tiff[0] == 'M' && tiff[1] == 'M';
        if (!little && !big) return 1;
        var ifd = U32(tiff, 4, little);
        if (ifd > tiff.Length - 2) return 1;
        var count = U16(tiff, (int)ifd, little);
        for (var i = 0; i < count; i++)
        {
            var entry = (int)ifd + 2 + 12 * i;
            if (entry + 12 > tiff.Length) return 1;
            if (U16(tiff, entry, little) == OrientationTag && U16(tiff, entry + 2, little) == 3) return U16(tiff, entry + 8, little);
        }
        return 1;
    }

    private static uint U32(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt32BigEndian(b[at..]);

    private static ushort U16(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt16BigEndian(b[at..]);
}
