namespace OmniContextEval.Imaging.Codecs;

/// <summary>What a codec hands back: Pillow-equal RGB, plus the alpha plane (one byte a pixel) when asked for and present.</summary>
internal sealed record DecodedImage(RgbImage Rgb, byte[]? Alpha);

/// <summary>The pixel-count limit and buffer-size guards every codec applies before it allocates pixels.</summary>
internal static class PixelLimit
{
    /// <summary>Throws unless a <paramref name="width"/> x <paramref name="height"/> image with <paramref name="bytesPerPixel"/> fits the options and one array.</summary>
    public static void Check(string name, long width, long height, DecodeOptions options, int bytesPerPixel = 4)
    {
        if (width <= 0 || height <= 0)
            throw new ImageDecodeException(name, $"empty image ({width}x{height})");
        var pixels = width * height;
        if (pixels > options.MaxPixels)
            throw new ImageDecodeException(name, $"{width}x{height} = {pixels} pixels exceeds the limit of {options.MaxPixels} pixels (DecodeOptions.MaxPixels)");
        if (pixels > Array.MaxLength / Math.Max(bytesPerPixel, 3))
            throw new ImageDecodeException(name, $"{width}x{height} is too large to decode into one buffer");
    }

    /// <summary>Allocates a decode buffer of <paramref name="bytes"/>, refusing sizes that cannot be one array.</summary>
    public static byte[] Allocate(string name, long bytes) =>
        bytes is > 0 and <= int.MaxValue && bytes <= Array.MaxLength
            ? new byte[bytes]
            : throw new ImageDecodeException(name, $"a decode buffer of {bytes} bytes is not possible");
}
