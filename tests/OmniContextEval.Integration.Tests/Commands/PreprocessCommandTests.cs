using OmniContextEval.Integration.Tests.Cli;
using OmniContextEval.Cli;
using OmniContextEval.Core;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Codecs;
using OmniContextEval.Imaging.Npy;

namespace OmniContextEval.Integration.Tests.Commands;

public class PreprocessCommandTests
{
    private static string WriteImage(string dir)
    {
        var image = new RgbImage(40, 30);
        new Random(5).NextBytes(image.Pixels);
        var path = Path.Combine(dir, "in.png");
        PngEncoder.Write(path, image);
        return path;
    }

    [Theory]
    [InlineData("clip", 224, 224)]
    [InlineData("inception-tf1", 299, 299)]
    [InlineData("lpips", 30, 40)]
    public async Task Writes_an_npy_of_the_modes_shape(string mode, int height, int width)
    {
        var dir = TestPaths.NewTempDir();
        var output = Path.Combine(dir, "t.npy");
        var rc = (await CliRunner.Run(["preprocess", WriteImage(dir), "--mode", mode, "--out", output])).Code;
        Assert.Equal(ExitCodes.Success, rc);
        Assert.Equal([1, 3, height, width], NpyReader.Read(output).Shape);
    }

    [Fact]
    public async Task Unknown_mode_is_a_usage_error()
    {
        var dir = TestPaths.NewTempDir();
        var rc = (await CliRunner.Run(["preprocess", WriteImage(dir), "--mode", "clip-vit", "--out", Path.Combine(dir, "t.npy")])).Code;
        Assert.Equal(ExitCodes.UsageError, rc);
        Assert.False(File.Exists(Path.Combine(dir, "t.npy")));
    }

    [Fact]
    public async Task Corrupt_image_is_invalid_input()
    {
        var dir = TestPaths.NewTempDir();
        var bad = Path.Combine(dir, "bad.png");
        File.WriteAllBytes(bad, [0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2, 3]);
        var rc = (await CliRunner.Run(["preprocess", bad, "--mode", "clip", "--out", Path.Combine(dir, "t.npy")])).Code;
        Assert.Equal(ExitCodes.InvalidInput, rc);
    }
}
