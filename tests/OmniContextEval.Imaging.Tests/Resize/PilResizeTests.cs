using OmniContextEval.Imaging.Resize;

namespace OmniContextEval.Imaging.Tests.Resize;

/// <summary>Properties of the Pillow resampler that hold for any input (the parity itself is in ResizeParityTests).</summary>
public class PilResizeTests
{
    [Theory]
    [InlineData(PilFilter.Bicubic)]
    [InlineData(PilFilter.Bilinear)]
    public void Resize_and_crop_equals_resize_then_crop(PilFilter filter)
    {
        var rng = new Random(11);
        for (var trial = 0; trial < 40; trial++)
        {
            var source = TestImages.Random(rng.Next(1, 90), rng.Next(1, 90), trial);
            int width = rng.Next(1, 120), height = rng.Next(1, 120);
            var crop = new PixelRect(rng.Next(width), rng.Next(height), 0, 0);
            crop = crop with { Width = rng.Next(1, width - crop.X + 1), Height = rng.Next(1, height - crop.Y + 1) };

            var full = PilResize.Resize(source, width, height, filter);
            var cropped = PilResize.ResizeAndCrop(source, width, height, crop, filter);
            for (var y = 0; y < crop.Height; y++)
                Assert.True(full.Row(crop.Y + y).Slice(crop.X * 3, crop.Width * 3).SequenceEqual(cropped.Row(y)),
                    $"trial {trial}: {source.Width}x{source.Height} -> {width}x{height}, crop {crop}, row {y}");
        }
    }

    [Fact]
    public void Same_size_is_a_copy()
    {
        var source = TestImages.Random(17, 9, 1);
        Assert.Equal(source.Pixels, PilResize.Resize(source, 17, 9, PilFilter.Bicubic).Pixels);
    }

    [Fact]
    public void Constant_images_stay_constant()
    {
        var source = new RgbImage(13, 7);
        Array.Fill(source.Pixels, (byte)201);
        foreach (var (w, h) in new[] { (1, 1), (40, 3), (5, 50), (300, 200) })
            Assert.All(PilResize.Resize(source, w, h, PilFilter.Bicubic).Pixels, v => Assert.Equal(201, v));
    }

    [Fact]
    public void Float_plane_keeps_values_outside_the_byte_range()
    {
        // Mode "F" does not clip: bicubic overshoot past a step survives (clean-fid clips afterwards).
        var plane = new float[8];
        for (var i = 4; i < 8; i++) plane[i] = 255f;
        var output = new float[16];
        PilResize.ResizePlane(plane, 8, 1, output, 16, 1, PilFilter.Bicubic);
        Assert.True(output.Max() > 255f && output.Min() < 0f);
    }

    [Fact]
    public void Plane_sizes_are_checked()
    {
        Assert.Throws<ArgumentException>(() => PilResize.ResizePlane(new float[10], 4, 4, new float[4], 2, 2, PilFilter.Bicubic));
        Assert.Throws<ArgumentException>(() => TorchResize.Bilinear(new float[16], 4, 4, new float[3], 2, 2, antialias: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tf1Resize.Bilinear(new float[16], 4, 4, new float[4], 0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => PilResize.ResizeAndCrop(TestImages.Random(4, 4, 0), 8, 8, new PixelRect(4, 4, 5, 1), PilFilter.Bilinear));
    }
}
