namespace OmniContextEval.Imaging;

/// <summary>
/// How to decode. The defaults reproduce Pillow's <c>Image.open(path).convert("RGB")</c> byte for byte:
/// alpha dropped (not composited), EXIF orientation not applied.
/// </summary>
public sealed record DecodeOptions
{
    public static readonly DecodeOptions PillowCompatible = new();

    /// <summary>Images with more pixels than this are refused before any pixel buffer is allocated.</summary>
    public long MaxPixels { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// When set, alpha is composited over this background colour instead of being dropped, with the result of
    /// Pillow's <c>Image.alpha_composite</c> over an opaque background: round((c·a + bg·(255 − a)) / 255).
    /// Alpha comes from alpha samples (16-bit: high byte), palette tRNS, or a grey/RGB tRNS colour (transparent where
    /// the raw sample equals it, as the PNG specification says; for 1/2/4-bit grey and 16-bit RGB Pillow compares
    /// the scaled or high-byte pixel with the raw tRNS value instead, and so differs there).
    /// </summary>
    public (byte R, byte G, byte B)? CompositeAlphaOver { get; init; }

    /// <summary>
    /// Rotate/flip as the EXIF orientation tag says (JPEG APP1, PNG eXIf, WebP EXIF), as Pillow's
    /// <c>ImageOps.exif_transpose</c> does; off by default, as in <c>Image.open</c>.
    /// </summary>
    public bool ApplyExifOrientation { get; init; }
}
