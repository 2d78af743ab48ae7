using System.Text.Json;
using OmniContextEval.Imaging.Resize;

namespace OmniContextEval.Imaging.Tests.Resize;

public class ShortSideResizeTests
{
    /// <summary>torchvision's sizes and offsets come from torchvision 0.14 itself (geometry.json).</summary>
    [Fact]
    public void MatchesTorchvisionAndPilStyleGeometry()
    {
        var cases = JsonDocument.Parse(File.ReadAllText(PreprocessFixtures.Path("geometry.json"))).RootElement;
        Assert.True(cases.GetArrayLength() >= 100);
        foreach (var c in cases.EnumerateArray())
        {
            int w = c.GetProperty("width").GetInt32(), h = c.GetProperty("height").GetInt32();
            int size = c.GetProperty("size").GetInt32(), crop = c.GetProperty("crop").GetInt32();
            foreach (var (key, rounding) in new[] { ("torchvision", ShortSideRounding.Torchvision), ("pil", ShortSideRounding.Pil) })
            {
                var expected = c.GetProperty(key);
                var resized = ShortSideResize.ResizedSize(w, h, size, rounding);
                var label = $"{key} {w}x{h} short side {size}";
                Assert.Equal((Int(expected, "resized", 0), Int(expected, "resized", 1)), resized);
                var window = ShortSideResize.CenterCrop(resized.Width, resized.Height, crop, crop, rounding);
                Assert.True((Int(expected, "offset", 0), Int(expected, "offset", 1)) == (window.X, window.Y),
                    $"{label}: offset ({window.X}, {window.Y})");
            }
        }
    }

    [Theory]
    [InlineData(225, 1000, 224, 995, 996)] // 224 * 1000 / 225 = 995.56: torchvision truncates, PIL-style rounds
    [InlineData(1000, 999, 224, 224, 224)]
    public void LongSideRounding(int width, int height, int size, int torchvisionLong, int pilLong)
    {
        Assert.Equal((size, torchvisionLong), ShortSideResize.ResizedSize(width, height, size, ShortSideRounding.Torchvision));
        Assert.Equal((size, pilLong), ShortSideResize.ResizedSize(width, height, size, ShortSideRounding.Pil));
    }

    [Fact]
    public void CenterCropOffsetsDifferOnOddMargins()
    {
        // (227 - 224) / 2 = 1.5: torchvision rounds half to even (2), PIL-style floors (1).
        Assert.Equal(2, ShortSideResize.CenterCrop(227, 224, 224, 224, ShortSideRounding.Torchvision).X);
        Assert.Equal(1, ShortSideResize.CenterCrop(227, 224, 224, 224, ShortSideRounding.Pil).X);
        // 0.5 rounds to 0 under ties-to-even.
        Assert.Equal(0, ShortSideResize.CenterCrop(225, 224, 224, 224, ShortSideRounding.Torchvision).X);
    }

    [Fact]
    public void CropLargerThanImageIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ShortSideResize.CenterCrop(100, 300, 224, 224, ShortSideRounding.Torchvision));

    private static int Int(JsonElement e, string name, int index) => e.GetProperty(name)[index].GetInt32();
}
