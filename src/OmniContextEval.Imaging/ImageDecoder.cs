namespace OmniContextEval.Imaging;

/// <summary>
/// Reads PNG, JPEG and WebP through the native codec libraries. Every failure is an
/// <see cref="ImageDecodeException"/> naming the file; nothing else escapes.
/// </summary>
public static class ImageDecoder
{
    /// <summary>Reads the format and size from the header only.</summary>
    public static ImageInfo ReadInfo(string path) =>
        throw new ImageDecodeException(path, "the native decoders are not built yet (work in progress on branch imaging)");

    /// <summary>Decodes to 8-bit RGB; equal to Pillow's <c>convert("RGB")</c> with default options.</summary>
    public static RgbImage Decode(string path, DecodeOptions? options = null) =>
        throw new ImageDecodeException(path, "the native decoders are not built yet (work in progress on branch imaging)");

    /// <summary>Decodes from memory; <paramref name="name"/> is used in error messages.</summary>
    public static RgbImage Decode(ReadOnlySpan<byte> data, string name, DecodeOptions? options = null) =>
        throw new ImageDecodeException(name, "the native decoders are not built yet (work in progress on branch imaging)");
}
