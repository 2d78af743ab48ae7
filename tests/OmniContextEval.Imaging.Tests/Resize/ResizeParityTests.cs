using OmniContextEval.Imaging.Resize;
using Xunit.Abstractions;

namespace OmniContextEval.Imaging.Tests.Resize;

/// <summary>Every resize mode against Pillow 9.4 / torch 1.13 on upscaling, downscaling and mixed non-square resizes.</summary>
public class ResizeParityTests(ITestOutputHelper output)
{
    /// <summary>Float paths must agree within this on the 0..255 scale.</summary>
    private const double FloatTolerance = 1e-4;

    public static TheoryData<string, string, int, int, string> Cases()
    {
        var data = new TheoryData<string, string, int, int, string>();
        foreach (var c in PreprocessFixtures.ResizeCases)
            data.Add(c.GetProperty("input").GetString()!, c.GetProperty("op").GetString()!,
                c.GetProperty("width").GetInt32(), c.GetProperty("height").GetInt32(), c.GetProperty("file").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_reference(string input, string op, int width, int height, string file)
    {
        var image = PreprocessFixtures.Input(input);
        var expected = PreprocessFixtures.Expected(file);
        if (op.EndsWith("-u8"))
        {
            var filter = op.Contains("bicubic") ? PilFilter.Bicubic : PilFilter.Bilinear;
            var actual = PilResize.Resize(image, width, height, filter);
            Assert.Equal([height, width, 3], expected.Shape);
            Assert.True(expected.AsUInt8().SequenceEqual(actual.Pixels), $"{op} {input} -> {width}x{height}: first differing byte at {FirstDifference(expected.AsUInt8(), actual.Pixels)}");
            return;
        }
        var plane = PreprocessFixtures.Channel(image, 1);
        var result = new float[width * height];
        switch (op)
        {
            case "pil-bicubic-f": PilResize.ResizePlane(plane, image.Width, image.Height, result, width, height, PilFilter.Bicubic); break;
            case "pil-bilinear-f": PilResize.ResizePlane(plane, image.Width, image.Height, result, width, height, PilFilter.Bilinear); break;
            case "torch-bilinear": TorchResize.Bilinear(plane, image.Width, image.Height, result, width, height, antialias: false); break;
            case "torch-bilinear-aa": TorchResize.Bilinear(plane, image.Width, image.Height, result, width, height, antialias: true); break;
            case "tf1-bilinear": Tf1Resize.Bilinear(plane, image.Width, image.Height, result, width, height); break;
            default: throw new InvalidOperationException($"unknown op {op} in cases.json");
        }
        Assert.Equal([height, width], expected.Shape);
        var (max, at) = PreprocessFixtures.MaxAbsDifference(expected.AsFloat32(), result);
        output.WriteLine($"{op} {input} -> {width}x{height}: max |diff| {max:E2} at {at}");
        Assert.True(max <= FloatTolerance, $"{op} {input} -> {width}x{height}: max |diff| {max} at index {at}");
    }

    private static int FirstDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            if (a[i] != b[i]) return i;
        return Math.Min(a.Length, b.Length);
    }
}
