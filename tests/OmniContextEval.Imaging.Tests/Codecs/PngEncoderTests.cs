using System.Diagnostics;
using OmniContextEval.Imaging.Codecs;

namespace OmniContextEval.Imaging.Tests.Codecs;

public class PngEncoderTests
{
    private static RgbImage Gradient(int w, int h)
    {
        var image = new RgbImage(w, h);
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            var i = (y * w + x) * 3;
            image.Pixels[i] = (byte)(x * 7);
            image.Pixels[i + 1] = (byte)(y * 13);
            image.Pixels[i + 2] = (byte)(x ^ y);
        }
        return image;
    }

    [Fact]
    public void Encoding_is_deterministic()
    {
        var image = Gradient(37, 21);
        Assert.Equal(PngEncoder.Encode(image), PngEncoder.Encode(image));
    }

    [Fact]
    public void Write_leaves_no_temporary_files()
    {
        var dir = TestPaths.NewTempDir();
        PngEncoder.Write(Path.Combine(dir, "a.png"), Gradient(5, 4));
        Assert.Equal(["a.png"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(13, 7)]
    [InlineData(40, 30)]
    [InlineData(257, 3)]
    public void Decoding_an_encoded_image_gives_it_back(int w, int h)
    {
        var image = Gradient(w, h);
        new Random(w * 1000 + h).NextBytes(image.Pixels.AsSpan(0, image.Pixels.Length / 2)); // half noise, half gradient
        var decoded = ImageDecoder.Decode(PngEncoder.Encode(image), $"roundtrip-{w}x{h}.png");
        Assert.Equal((w, h), (decoded.Width, decoded.Height));
        Assert.Equal(image.Pixels, decoded.Pixels);
    }
}
