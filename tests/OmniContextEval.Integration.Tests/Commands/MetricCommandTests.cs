using OmniContextEval.Integration.Tests.Cli;
using OmniContextEval.Cli;
using OmniContextEval.Core;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Codecs;
using OmniContextEval.Metrics.Fid;

namespace OmniContextEval.Integration.Tests.Commands;

public class MetricCommandTests
{
    private static readonly string Models = TestPaths.Fixture("models");

    private static string Folder(int seed, int count, int width, int height)
    {
        var dir = TestPaths.NewTempDir("metric-cmd");
        var rng = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var image = new RgbImage(width, height);
            rng.NextBytes(image.Pixels);
            PngEncoder.Write(Path.Combine(dir, $"{i:D2}.png"), image);
        }
        return dir;
    }

    [Fact]
    public async Task Fid_saves_statistics_and_compares_them_with_a_folder()
    {
        var a = Folder(1, 4, 120, 90);
        var b = Folder(2, 3, 299, 299);
        var stats = Path.Combine(TestPaths.NewTempDir(), "a.npz");

        Assert.Equal(ExitCodes.Success, (await CliRunner.Run(["metric", "fid", a, stats, "--save-stats", "--models", Models, "--mode", "tf1"])).Code);
        Assert.Equal(4, StatisticsFile.Load(stats).Count);
        Assert.Equal(ExitCodes.Success, (await CliRunner.Run(["metric", "fid", stats, b, "--models", Models, "--json"])).Code);
        Assert.Equal(ExitCodes.Success, (await CliRunner.Run(["metric", "kid", a, b, "--models", Models, "--subsets", "10"])).Code);
    }

    [Fact]
    public async Task Undecodable_image_is_a_recorded_failure_with_exit_code_6()
    {
        var a = Folder(3, 3, 64, 64);
        var b = Folder(4, 3, 64, 64);
        File.WriteAllText(Path.Combine(b, "zz-broken.png"), "not an image");

        Assert.Equal(ExitCodes.PartialFailure, (await CliRunner.Run(["metric", "fid", a, b, "--models", Models])).Code);
    }

    [Fact]
    public async Task Pixel_and_lpips_commands_score_a_pair()
    {
        var dir = Folder(5, 2, 64, 48);
        var (x, y) = (Path.Combine(dir, "00.png"), Path.Combine(dir, "01.png"));

        Assert.Equal(ExitCodes.Success, (await CliRunner.Run(["metric", "psnr", x, x, "--json"])).Code);
        Assert.Equal(ExitCodes.Success, (await CliRunner.Run(["metric", "ssim", x, y])).Code);
        Assert.Equal(ExitCodes.Success, (await CliRunner.Run(["metric", "lpips", x, y, "--net", "vgg", "--models", Models])).Code);
    }

    [Fact]
    public async Task Bad_arguments_give_their_exit_codes()
    {
        var dir = Folder(6, 2, 64, 48);
        var other = Folder(7, 1, 32, 32);
        var (x, small) = (Path.Combine(dir, "00.png"), Path.Combine(other, "00.png"));

        Assert.Equal(ExitCodes.UsageError, (await CliRunner.Run(["metric", "fid", dir, dir, "--mode", "clean-fid", "--models", Models])).Code);
        Assert.Equal(ExitCodes.ModelError, (await CliRunner.Run(["metric", "fid", dir, dir, "--models", Path.Combine(dir, "none")])).Code);
        Assert.Equal(ExitCodes.InvalidInput, (await CliRunner.Run(["metric", "lpips", x, small, "--models", Models])).Code);
        Assert.Equal(ExitCodes.InvalidInput, (await CliRunner.Run(["metric", "ssim", x, Path.Combine(dir, "missing.png")])).Code);
    }

    [Fact]
    public async Task A_missing_models_folder_is_resolved_and_reported_as_every_command_does()
    {
        var dir = Folder(8, 2, 64, 48);
        var none = Path.Combine(dir, "none");

        var (code, _, err) = await CliRunner.Run(["metric", "lpips", Path.Combine(dir, "00.png"), Path.Combine(dir, "01.png"), "--models", none]);

        Assert.Equal(ExitCodes.ModelError, code);
        Assert.Contains(CommandLine.Describe(new ModelsFolderNotFoundException(Onnx.Models.ModelsFolder.Resolve(none))), err);
    }
}
