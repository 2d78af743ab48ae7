using System.Text.Json;
using OmniContextEval.Imaging.Resize;

namespace OmniContextEval.Imaging.Tests.Resize;

public class ShortSideResizeTests
{
    /// <summary>torchvision's sizes and offsets come from torchvision 0.14 itself (geometry.json).</summary>
    [Fact]
    public void Matches_torchvision_and_pil_style_geometry()
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

    public static TheoryData<string, string, int, int, string> PixelCases()
    {
        var data = new TheoryData<string, string, int, int, string>();
        foreach (var c in PreprocessFixtures.ShortSideCases)
            data.Add(c.GetProperty("input").GetString()!, c.GetProperty("rounding").GetString()!,
                c.GetProperty("size").GetInt32(), c.GetProperty("crop").GetInt32(), c.GetProperty("file").GetString()!);
        return data;
    }

    /// <summary>Resize + crop pixels equal torchvision's Resize/CenterCrop, and the guided-diffusion-style PIL pipeline, byte for byte.</summary>
    [Theory]
    [MemberData(nameof(PixelCases))]
    public void Resize_and_center_crop_matches_reference(string input, string rounding, int size, int crop, string file)
    {
        var mode = rounding == "pil" ? ShortSideRounding.Pil : ShortSideRounding.Torchvision;
        var actual = ShortSideResize.ResizeAndCenterCrop(PreprocessFixtures.Input(input), size, crop, mode);
        var expected = PreprocessFixtures.Expected(file);
        Assert.Equal([crop, crop, 3], expected.Shape);
        Assert.True(expected.AsUInt8().SequenceEqual(actual.Pixels), $"{input} {rounding} short side {size} crop {crop}");
    }

    [Fact]
    public void Rounding_modes_give_different_pixels_where_the_geometry_differs()
    {
        var image = PreprocessFixtures.Input("b301x187");
        Assert.NotEqual(ShortSideResize.ResizeAndCenterCrop(image, 80, 64, ShortSideRounding.Torchvision).Pixels,
            ShortSideResize.ResizeAndCenterCrop(image, 80, 64, ShortSideRounding.Pil).Pixels);
    }

    [Theory]
    [InlineData(225, 1000, 224, 995, 996)] // 224 * 1000 / 225 = 995.56: torchvision truncates, PIL-style rounds
    [InlineData(1000, 999, 224, 224, 224)]
    public void Long_side_rounding(int width, int height, int size, int torchvisionLong, int pilLong)
    {
        Assert.Equal((size, torchvisionLong), ShortSideResize.ResizedSize(width, height, size, ShortSideRounding.Torchvision));
        Assert.Equal((size, pilLong), ShortSideResize.ResizedSize(width, height, size, ShortSideRounding.Pil));
    }

    [Fact]
    public void Center_crop_offsets_differ_on_odd_margins()
    {
        // (227 - 224) / 2 = 1.5: torchvision rounds half to even (2), PIL-style floors (1).
        Assert.Equal(2, ShortSideResize.CenterCrop(227, 224, 224, 224, ShortSideRounding.Torchvision).X);
        Assert.Equal(1, ShortSideResize.CenterCrop(227, 224, 224, 224, ShortSideRounding.Pil).X);
        // 0.5 rounds to 0 under ties-to-even.
        Assert.Equal(0, ShortSideResize.CenterCrop(225, 224, 224, 224, ShortSideRounding.Torchvision).X);
    }

    [Fact]
    public void Crop_larger_than_image_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ShortSideResize.CenterCrop(100, 300, 224, 224, ShortSideRounding.Torchvision));

    private static int Int(JsonElement e, string name, int index) => e.GetProperty(name)[index].GetInt32();
}
