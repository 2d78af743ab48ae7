using OmniContextEval.Imaging;

namespace OmniContextEval.Metrics.Tests.TestSupport;

/// <summary>The deterministic test images of tools/models/_metric_common.py test_pattern (same formula, same bytes).</summary>
public static class TestPattern
{
    public static RgbImage Image(int index, int height, int width)
    {
        var pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                for (int c = 0; c < 3; c++)
                {
                    long h = x * 1103L + y * 2927L + c * 4099L + index * 7919L + (x * (long)y) % 251;
                    h ^= h >> 5;
                    pixels[(y * width + x) * 3 + c] = (byte)(h % 256);
                }
        return new RgbImage(width, height, pixels);
    }
}
