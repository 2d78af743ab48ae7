namespace OmniContextEval.Imaging.Tests;

/// <summary>Deterministic synthetic images for tests that need pixels but no particular content.</summary>
public static class TestImages
{
    /// <summary>Uniformly random RGB bytes from a seeded generator.</summary>
    public static RgbImage Random(int width, int height, int seed)
    {
        var image = new RgbImage(width, height);
        new Random(seed).NextBytes(image.Pixels);
        return image;
    }
}
