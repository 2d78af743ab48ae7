namespace OmniContextEval.Imaging.Resize;

/// <summary>How a short-side resize rounds the long side and a center crop rounds its offset.</summary>
public enum ShortSideRounding
{
    /// <summary>
    /// torchvision 0.14 <c>Resize(int)</c> and <c>CenterCrop</c>: long side = int(size * long / short) (truncated),
    /// offset = int(round((length - crop) / 2.0)) (ties to even). Used by OpenAI CLIP, DINO/DINOv2 evaluation
    /// transforms and the harness's "clip" and "dinov2" modes.
    /// </summary>
    Torchvision,

    /// <summary>
    /// PIL-based pipelines that scale with <c>round()</c> and crop with floor division (guided-diffusion/ADM's
    /// <c>center_crop_arr</c>): long side = round(size * long / short) (ties to even), offset = (length - crop) // 2.
    /// </summary>
    Pil,
}

/// <summary>Sizes and offsets for "resize the short side to N, then center-crop" pipelines.</summary>
public static class ShortSideResize
{
    /// <summary>The size after resizing so that the shorter side is <paramref name="shortSide"/> pixels, aspect kept.</summary>
    public static (int Width, int Height) ResizedSize(int width, int height, int shortSide, ShortSideRounding rounding)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(shortSide);
        int shorter = Math.Min(width, height), longer = Math.Max(width, height);
        var exact = (double)((long)shortSide * longer) / shorter;
        var newLong = rounding == ShortSideRounding.Torchvision ? (int)exact : (int)Math.Round(exact, MidpointRounding.ToEven);
        return width <= height ? (shortSide, newLong) : (newLong, shortSide);
    }

    /// <summary>The centered <paramref name="cropWidth"/> x <paramref name="cropHeight"/> window of a <paramref name="width"/> x <paramref name="height"/> image.</summary>
    public static PixelRect CenterCrop(int width, int height, int cropWidth, int cropHeight, ShortSideRounding rounding)
    {
        if (cropWidth > width || cropHeight > height)
            throw new ArgumentOutOfRangeException(nameof(cropWidth), $"center crop {cropWidth}x{cropHeight} is larger than the {width}x{height} image");
        return new PixelRect(Offset(width, cropWidth, rounding), Offset(height, cropHeight, rounding), cropWidth, cropHeight);
    }

    private static int Offset(int length, int crop, ShortSideRounding rounding) =>
        rounding == ShortSideRounding.Torchvision ? (int)Math.Round((length - crop) / 2.0, MidpointRounding.ToEven) : (length - crop) / 2;
}
