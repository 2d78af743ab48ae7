using OmniContextEval.Core;
using OmniContextEval.Imaging;

namespace OmniContextEval.Metrics.Pixel;

internal static class PixelPair
{
    /// <summary>Pixel metrics compare images of equal size; names both sizes otherwise.</summary>
    public static void RequireSameSize(RgbImage a, RgbImage b, string metric)
    {
        if (a.Width != b.Width || a.Height != b.Height)
            throw new HarnessException($"{metric}: images differ in size ({a.Width}x{a.Height} and {b.Width}x{b.Height}); {metric} compares equal-size images");
    }
}
