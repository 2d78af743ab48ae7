using OmniContextEval.Imaging.Codecs;
using OmniContextEval.Imaging.Exif;

namespace OmniContextEval.Imaging;

/// <summary>
/// Reads PNG, JPEG and WebP through the native codec libraries. Every failure is an
/// <see cref="ImageDecodeException"/> naming the file; nothing else escapes.
/// </summary>
public static class ImageDecoder
{
    /// <summary>Bytes read for <see cref="ReadInfo"/> before falling back to the whole file (JPEG APPn segments can be long).</summary>
    private const int HeaderProbeBytes = 64 * 1024;

    /// <summary>Reads the format and size from the header only; no pixel is decoded.</summary>
    public static ImageInfo ReadInfo(string path) => Guard(path, () =>
    {
        var head = ReadFile(path, HeaderProbeBytes, out var complete);
        var info = ImageHeaderReader.TryRead(head, path);
        if (info is null && !complete) info = ImageHeaderReader.TryRead(ReadFile(path, int.MaxValue, out _), path);
        return info ?? throw new ImageDecodeException(path, "truncated file: it ends inside the image header");
    });

    /// <summary>Decodes to 8-bit RGB; equal to Pillow's <c>convert("RGB")</c> with default options.</summary>
    public static RgbImage Decode(string path, DecodeOptions? options = null) =>
        Guard(path, () => DecodeCore(ReadFile(path, int.MaxValue, out _), path, options ?? DecodeOptions.PillowCompatible));

    /// <summary>Decodes from memory; <paramref name="name"/> is used in error messages.</summary>
    public static RgbImage Decode(ReadOnlySpan<byte> data, string name, DecodeOptions? options = null)
    {
        try
        {
            return DecodeCore(data, name, options ?? DecodeOptions.PillowCompatible);
        }
        catch (Exception e) when (e is not ImageDecodeException)
        {
            throw Wrap(name, e);
        }
    }

    private static RgbImage DecodeCore(ReadOnlySpan<byte> data, string name, DecodeOptions options)
    {
        var info = ImageHeaderReader.TryRead(data, name)
            ?? throw new ImageDecodeException(name, "truncated file: it ends inside the image header");
        PixelLimit.Check(name, info.Width, info.Height, options);
        var wantAlpha = options.CompositeAlphaOver is not null;
        var decoded = info.Format switch
        {
            ImageFormat.Png => PngDecoder.Decode(data, name, options, wantAlpha),
            ImageFormat.Jpeg => JpegDecoder.Decode(data, name, options),
            _ => WebpDecoder.Decode(data, name, options, wantAlpha),
        };
        var rgb = decoded.Rgb;
        if (options.CompositeAlphaOver is { } background && decoded.Alpha is { } alpha)
            AlphaCompositor.CompositeInPlace(rgb, alpha, background);
        return options.ApplyExifOrientation ? OrientationTransform.Apply(rgb, ExifOrientationReader.Read(data, info.Format)) : rgb;
    }

    private static byte[] ReadFile(string path, int maxBytes, out bool complete)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var length = stream.Length;
        if (length > Array.MaxLength) throw new ImageDecodeException(path, $"file of {length} bytes is too large to read");
        var buffer = new byte[Math.Min(length, maxBytes)];
        stream.ReadExactly(buffer);
        complete = buffer.Length == length;
        return buffer;
    }

    private static T Guard<T>(string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is not ImageDecodeException)
        {
            throw Wrap(path, e);
        }
    }

    private static ImageDecodeException Wrap(string name, Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => new ImageDecodeException(name, "file not found", e),
        UnauthorizedAccessException => new ImageDecodeException(name, "permission denied", e),
        IOException => new ImageDecodeException(name, $"cannot read the file: {e.Message}", e),
        DllNotFoundException or EntryPointNotFoundException =>
            new ImageDecodeException(name, $"a native image library is missing ({e.Message}); run tools/setup.sh and rebuild", e),
        OutOfMemoryException => new ImageDecodeException(name, "not enough memory to decode the image", e),
        _ => new ImageDecodeException(name, $"decoder failure: {e.GetType().Name}: {e.Message}", e),
    };
}
