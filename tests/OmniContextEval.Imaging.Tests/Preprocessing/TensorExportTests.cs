using OmniContextEval.Core;
using OmniContextEval.Imaging.Codecs;
using OmniContextEval.Imaging.Npy;
using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Imaging.Tests.Resize;

namespace OmniContextEval.Imaging.Tests.Preprocessing;

public class TensorExportTests
{
    /// <summary>PNG on disk -> decode -> preprocess -> .npy equals the reference tensor (every 23rd element is pinned).</summary>
    [Theory]
    [InlineData("c150x400", "dinov2")]
    [InlineData("d333x271", "inception-clean")]
    [InlineData("a37x23", "lpips")]
    public void Writes_the_reference_tensor(string input, string mode)
    {
        var dir = TestPaths.NewTempDir();
        var png = Path.Combine(dir, "in.png");
        PngEncoder.Write(png, PreprocessFixtures.Input(input));
        var output = Path.Combine(dir, "out", "tensor.npy");

        var result = TensorExport.Write(png, mode, output);

        var fixture = PreprocessFixtures.ModeCases.Single(c => c.GetProperty("input").GetString() == input && c.GetProperty("mode").GetString() == mode);
        var expectedShape = fixture.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var written = NpyReader.Read(output);
        Assert.Equal(expectedShape, written.Shape);
        Assert.Equal(expectedShape, result.Shape);
        var sampled = written.AsFloat32().ToArray().Where((_, i) => i % PreprocessFixtures.ModeStride == 0).ToArray();
        Assert.Equal(PreprocessFixtures.Expected(fixture.GetProperty("file").GetString()!).AsFloat32().ToArray(), sampled);
        Assert.InRange(result.Mean, result.Min, result.Max);
    }

    [Fact]
    public void Unknown_mode_fails_before_anything_is_written()
    {
        var output = Path.Combine(TestPaths.NewTempDir(), "t.npy");
        Assert.Throws<HarnessException>(() => TensorExport.Write("/nonexistent.png", "clip224", output));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Missing_image_names_the_file()
    {
        var e = Assert.Throws<ImageDecodeException>(() => TensorExport.Write("/nonexistent/x.png", "clip", Path.Combine(TestPaths.NewTempDir(), "t.npy")));
        Assert.Contains("/nonexistent/x.png", e.Message);
    }
}
