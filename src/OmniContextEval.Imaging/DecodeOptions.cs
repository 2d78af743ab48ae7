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

    /// <summary>When set, alpha is composited over this background colour instead of being dropped.</summary>
    public (byte R, byte G, byte B)? CompositeAlphaOver { get; init; }

    /// <summary>Rotate/flip JPEG and WebP images as their EXIF orientation tag says (off by default, as in Pillow).</summary>
    public bool ApplyExifOrientation { get; init; }
}
