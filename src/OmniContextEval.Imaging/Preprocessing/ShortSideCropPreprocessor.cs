using OmniContextEval.Imaging.Resize;

namespace OmniContextEval.Imaging.Preprocessing;

/// <summary>
/// torchvision's <c>Resize(shortSide, BICUBIC)</c> on the PIL image, <c>CenterCrop(crop)</c>, <c>ToTensor()</c>
/// (x / 255) and <c>Normalize(mean, std)</c>: the CLIP and DINO/DINOv2 input pipelines. The resize is Pillow's
/// uint8 bicubic (exact); only the pixels inside the crop are computed.
/// </summary>
internal sealed class ShortSideCropPreprocessor : Preprocessor
{
    private readonly int shortSide;
    private readonly int crop;
    private readonly ShortSideRounding rounding;
    private readonly ChannelLookup normalize;

    public ShortSideCropPreprocessor(string name, int shortSide, int crop, double[] mean, double[] std,
        ShortSideRounding rounding = ShortSideRounding.Torchvision)
    {
        if (crop > shortSide) throw new ArgumentOutOfRangeException(nameof(crop), $"crop {crop} is larger than the short side {shortSide}");
        Name = name;
        this.shortSide = shortSide;
        this.crop = crop;
        this.rounding = rounding;
        // torchvision: img.float().div(255), then sub_(float32 mean).div_(float32 std).
        normalize = new ChannelLookup((c, v) => ((float)v / 255f - (float)mean[c]) / (float)std[c]);
    }

    public override string Name { get; }

    public override (int Height, int Width) OutputSize(int width, int height) => (crop, crop);

    public override void Write(RgbImage image, Span<float> destination)
    {
        CheckDestination(image, destination);
        var (width, height) = ShortSideResize.ResizedSize(image.Width, image.Height, shortSide, rounding);
        var window = ShortSideResize.CenterCrop(width, height, crop, crop, rounding);
        normalize.WritePlanes(PilResize.ResizeAndCrop(image, width, height, window, PilFilter.Bicubic), destination);
    }
}
