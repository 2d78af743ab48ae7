using OmniContextEval.Imaging;
using OmniContextEval.Metrics.Pixel;
using OmniContextEval.Metrics.Tests.TestSupport;

namespace OmniContextEval.Metrics.Tests.Pixel;

public class PixelMetricsTests
{
    public static TheoryData<int> Pairs => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Psnr_matches_scikit_image(int pair)
    {
        var expected = MetricFixtures.Expected("pixel.json").GetProperty("pairs")[pair];
        var (a, b) = Load(pair);

        var result = Psnr.Compute(a, b);

        Assert.Equal(expected.GetProperty("psnr").GetDouble(), result.Decibels, 1e-10);
        Assert.False(result.Capped);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Ssim_matches_scikit_image_gaussian_convention(int pair)
    {
        var expected = MetricFixtures.Expected("pixel.json").GetProperty("pairs")[pair];
        var (a, b) = Load(pair);

        Assert.Equal(expected.GetProperty("ssimSkimage").GetDouble(), Ssim.Compute(a, b), 1e-10);
        Assert.Equal(1.0, Ssim.Compute(a, a), 1e-12);
    }

    [Fact]
    public void Identical_images_give_capped_psnr_not_infinity()
    {
        var (a, _) = Load(1);

        var result = Psnr.Compute(a, a);

        Assert.True(result.Capped);
        Assert.Equal(Psnr.CapDecibels, result.Decibels);
        Assert.Equal(0, result.MeanSquaredError);
    }

    [Fact]
    public void Size_mismatch_and_too_small_images_are_clear_errors()
    {
        var (a, _) = Load(0);
        var small = new RgbImage(10, 30);

        Assert.Contains("differ in size", Assert.Throws<Core.HarnessException>(() => Ssim.Compute(a, small)).Message);
        Assert.Contains("11x11 window", Assert.Throws<Core.HarnessException>(() => Ssim.Compute(small, small)).Message);
        Assert.Contains("differ in size", Assert.Throws<Core.HarnessException>(() => Psnr.Compute(a, small)).Message);
    }

    private static (RgbImage, RgbImage) Load(int pair) =>
        (MetricFixtures.PixelImage($"pixel-pair-{pair}-a.npy"), MetricFixtures.PixelImage($"pixel-pair-{pair}-b.npy"));
}
