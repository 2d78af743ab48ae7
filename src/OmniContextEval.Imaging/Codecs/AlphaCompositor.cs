namespace OmniContextEval.Imaging.Codecs;

/// <summary>Composites straight (non-premultiplied) alpha over a solid background: round((c·a + bg·(255 − a)) / 255).</summary>
internal static class AlphaCompositor
{
    public static void CompositeInPlace(RgbImage image, byte[] alpha, (byte R, byte G, byte B) background)
    {
        var pixels = image.Pixels;
        ReadOnlySpan<byte> bg = [background.R, background.G, background.B];
        for (var i = 0; i < alpha.Length; i++)
        {
            int a = alpha[i];
            if (a == 255) continue;
            for (var c = 0; c < 3; c++)
                pixels[3 * i + c] = (byte)((pixels[3 * i + c] * a + bg[c] * (255 - a) + 127) / 255);
        }
    }
}
