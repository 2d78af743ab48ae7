using OmniContextEval.Core.Cases;
using OmniContextEval.Imaging;

namespace OmniContextEval.Generation.Tests.TestSupport;

/// <summary>Small in-memory cases and images for generator tests.</summary>
internal static class SyntheticCases
{
    /// <summary>A w x h image: a coloured disc on a contrasting background, different per <paramref name="variant"/>.</summary>
    public static RgbImage Disc(int w, int h, int variant)
    {
        var image = new RgbImage(w, h);
        var (r, g, b) = ((byte)(60 + 70 * (variant % 3)), (byte)(200 - 50 * (variant % 4)), (byte)(40 + 90 * (variant % 2)));
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                var inside = Math.Pow(x - w / 2.0, 2) + Math.Pow(y - h / 2.0, 2) < Math.Pow(Math.Min(w, h) / 3.0, 2);
                var o = (y * w + x) * 3;
                image.Pixels[o] = inside ? r : (byte)(255 - r / 2);
                image.Pixels[o + 1] = inside ? g : (byte)(230 - g / 3);
                image.Pixels[o + 2] = inside ? b : (byte)(20 + x % 200);
            }
        return image;
    }

    public static BenchmarkCase Case(string id, int images, bool withScene = false, int size = 32) => new()
    {
        Id = id,
        Subtask = withScene ? Subtask.SceneCharacterObject : images > 1 ? Subtask.MultiObject : Subtask.SingleObject,
        Tier = DifficultyTier.Basic,
        Instruction = new Dictionary<string, string> { ["en"] = "Put the cat to the right of the vase on the table." },
        InputImages = Enumerable.Range(0, images).Select(i => $"inputs/{id}-{i}.png").ToList(),
        Subjects = Enumerable.Range(0, images).Select(i =>
            withScene && i == images - 1
                ? new Subject("table", SubjectKind.Scene, i)
                : new Subject(i == 0 ? "vase" : "cat", SubjectKind.Object, i, i == 0 ? new PixelBox(2, 2, 20, 24) : null)).ToList(),
        OutputSize = new OutputSize(size, size),
    };

    public static IReadOnlyList<RgbImage> Inputs(BenchmarkCase c) =>
        Enumerable.Range(0, c.InputImages.Count).Select(i => Disc(40 + 8 * i, 32, i)).ToList();
}
