
namespace OmniContextEval.Imaging.Tests.Codecs;

/// <summary>
/// Compositing follows the PNG specification where Pillow does not: a 1/2/4-bit grey tRNS colour is compared with
/// the raw sample (Pillow compares it with the already scaled value, so those pixels stay opaque there). The
/// corpus rows "over-*" cover the cases where both agree, 8- and 16-bit grey tRNS included.
/// </summary>
public class CompositeOptionTests
{
    private static readonly (byte R, byte G, byte B) Red = (255, 0, 0);

    [Theory]
    [InlineData("png_gray2_trns.png", 0x55)] // tRNS grey 1 of 0..3, which Pillow scales to 0x55
    public void Grey_transparent_colour_matches_the_raw_sample(string file, int transparentValue)
    {
        var path = TestPaths.Fixture("images", "corpus", file);
        var plain = ImageDecoder.Decode(path);
        var composited = ImageDecoder.Decode(path, new DecodeOptions { CompositeAlphaOver = Red });
        var transparent = 0;
        for (var i = 0; i < plain.Pixels.Length; i += 3)
        {
            var isTransparent = plain.Pixels[i] == transparentValue;
            transparent += isTransparent ? 1 : 0;
            var expected = isTransparent ? new byte[] { Red.R, Red.G, Red.B } : plain.Pixels[i..(i + 3)];
            Assert.Equal(expected, composited.Pixels[i..(i + 3)]);
        }
        Assert.True(transparent > 0, $"{file}: no pixel has the transparent value, the test proves nothing");
    }
}
