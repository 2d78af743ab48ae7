using System.Collections.Concurrent;
using System.Text.Json;
using OmniContextEval.Imaging.Npy;

namespace OmniContextEval.Imaging.Tests.Resize;

/// <summary>
/// The committed reference outputs under tests/fixtures/preprocess/, written by tools/make-preprocess-expected.py
/// with Pillow 9.4, torch 1.13 and torchvision 0.14.
/// </summary>
public static class PreprocessFixtures
{
    private static readonly ConcurrentDictionary<string, RgbImage> Inputs = new();
    private static readonly Lazy<JsonElement> Cases = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path("cases.json"))).RootElement);

    public static string Path(string relative) => TestPaths.Fixture("preprocess", relative);

    public static int ModeStride => Cases.Value.GetProperty("modeStride").GetInt32();

    public static IEnumerable<JsonElement> ResizeCases => Cases.Value.GetProperty("resize").EnumerateArray();

    public static IEnumerable<JsonElement> ShortSideCases => Cases.Value.GetProperty("shortSide").EnumerateArray();

    public static IEnumerable<JsonElement> ModeCases => Cases.Value.GetProperty("modes").EnumerateArray();

    /// <summary>An input image, from its uint8 (H, W, 3) array.</summary>
    public static RgbImage Input(string name) => Inputs.GetOrAdd(name, n =>
    {
        var array = NpyReader.Read(Path($"inputs/{n}.npy"));
        return new RgbImage(array.Shape[1], array.Shape[0], array.AsUInt8().ToArray());
    });

    /// <summary>One channel of an image as a float32 plane (values 0..255).</summary>
    public static float[] Channel(RgbImage image, int channel)
    {
        var plane = new float[image.Width * image.Height];
        for (var i = 0; i < plane.Length; i++)
            plane[i] = image.Pixels[i * 3 + channel];
        return plane;
    }

    public static NpyArray Expected(string file) => NpyReader.Read(Path(file));

    /// <summary>Largest absolute difference, and the index where it occurs.</summary>
    public static (double Max, int At) MaxAbsDifference(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double scale = 1.0)
    {
        Assert.Equal(expected.Length, actual.Length);
        var (max, at) = (0.0, -1);
        for (var i = 0; i < expected.Length; i++)
        {
            var d = Math.Abs((double)expected[i] - actual[i]) * scale;
            if (d > max || double.IsNaN(d)) (max, at) = (double.IsNaN(d) ? double.PositiveInfinity : d, i);
        }
        return (max, at);
    }
}
