using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Imaging.Tests.Resize;
using Xunit.Abstractions;

namespace OmniContextEval.Imaging.Tests.Preprocessing;

/// <summary>
/// Each preprocessing mode against its reference pipeline (CLIP, DINOv2, clean-fid, pytorch-fid, torch-fidelity,
/// lpips) run by tools/make-preprocess-expected.py; the fixture keeps every 23rd element of the NCHW tensor.
/// </summary>
public class ModeParityTests(ITestOutputHelper output)
{
    /// <summary>metrics-reference.md: preprocessing within 1e-5 of the reference (in the tensor's own units).</summary>
    private const double TensorTolerance = 1e-5;
    /// <summary>The issue: float paths within 1e-4 on the 0..255 scale.</summary>
    private const double PixelTolerance = 1e-4;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in PreprocessFixtures.ModeCases)
            data.Add(c.GetProperty("input").GetString()!, c.GetProperty("mode").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_reference(string input, string mode)
    {
        var fixture = PreprocessFixtures.ModeCases.Single(c => c.GetProperty("input").GetString() == input && c.GetProperty("mode").GetString() == mode);
        var expectedShape = fixture.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var expected = PreprocessFixtures.Expected(fixture.GetProperty("file").GetString()!).AsFloat32();

        var preprocessor = Preprocessor.Get(mode);
        var (tensor, shape) = preprocessor.CreateBatch([PreprocessFixtures.Input(input)]);
        Assert.Equal(expectedShape, shape);

        var stride = PreprocessFixtures.ModeStride;
        var sampled = tensor.Where((_, i) => i % stride == 0).ToArray();
        var (max, at) = PreprocessFixtures.MaxAbsDifference(expected, sampled);
        var pixels = max * UnitsPerPixelLevel(mode);
        output.WriteLine($"{mode} {input}: max |diff| {max:E2} in tensor units, {pixels:E2} on the 0..255 scale ({sampled.Length} values)");
        Assert.True(max <= TensorTolerance, $"{mode} {input}: max |diff| {max} at sampled index {at}");
        Assert.True(pixels <= PixelTolerance, $"{mode} {input}: {pixels} on the 0..255 scale at sampled index {at}");
    }

    /// <summary>How many 0..255 levels one tensor unit spans (the largest over the channels).</summary>
    private static double UnitsPerPixelLevel(string mode) => mode switch
    {
        PreprocessingModes.Clip => 255 * PreprocessingModes.ClipStd.Max(),
        PreprocessingModes.Dinov2 => 255 * PreprocessingModes.ImageNetStd.Max(),
        PreprocessingModes.InceptionClean or PreprocessingModes.InceptionTf1 => 128,
        _ => 127.5,
    };
}
