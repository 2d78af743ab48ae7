using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Preprocessing;

namespace OmniContextEval.Metrics.Tests.Support;

/// <summary>Deterministic test images and a simple stand-in preprocessor for the engine tests.</summary>
public static class TestImages
{
    /// <summary>A w x h image of seeded pseudo-random pixels with a smooth gradient (so resizing keeps structure).</summary>
    public static RgbImage Noise(int seed, int width = 64, int height = 48)
    {
        var random = new Random(seed);
        var image = new RgbImage(width, height);
        for (var i = 0; i < image.Pixels.Length; i++)
            image.Pixels[i] = (byte)((i * 7 % 256 + random.Next(64)) % 256);
        return image;
    }

    public static string TinyModels => TestPaths.Fixture("models");

    /// <summary>A copy of the tiny models folder, plus the CLIP vocabulary from ../shared when it is there.</summary>
    public static string TinyModelsWithVocabulary()
    {
        var folder = TestPaths.NewTempDir("omnictx-models");
        foreach (var file in Directory.GetFiles(TinyModels))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        if (TestPaths.SharedReferenceData is { } shared)
            File.Copy(Path.Combine(shared, "clip", "bpe_simple_vocab_16e6.txt.gz"), Path.Combine(folder, "bpe_simple_vocab_16e6.txt.gz"));
        return folder;
    }
}

/// <summary>Nearest-neighbour squash to 224x224, scaled to [-1, 1]; writes NaN everywhere for images named "nan".</summary>
public sealed class NearestPreprocessor(string mode) : Preprocessor
{
    public override string Name { get; } = mode;

    public override (int Height, int Width) OutputSize(int width, int height) => (224, 224);

    public override void Write(RgbImage image, Span<float> destination)
    {
        for (var c = 0; c < 3; c++)
            for (var y = 0; y < 224; y++)
                for (var x = 0; x < 224; x++)
                {
                    var sx = x * image.Width / 224;
                    var sy = y * image.Height / 224;
                    destination[(c * 224 + y) * 224 + x] = image.Pixels[(sy * image.Width + sx) * 3 + c] / 127.5f - 1;
                }
        if (image.Width == 7 && image.Height == 7)
            destination.Fill(float.NaN);
    }
}
