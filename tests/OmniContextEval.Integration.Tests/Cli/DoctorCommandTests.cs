using OmniContextEval.Core;

namespace OmniContextEval.Integration.Tests.Cli;

public sealed class DoctorCommandTests
{
    [Fact]
    public async Task Doctor_reports_the_pinned_runtime_the_codecs_and_the_models_folder()
    {
        var (code, stdout, _) = await CliRunner.Run("doctor");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains($"ONNX Runtime         {Onnx.OrtProbe.PackageVersion}", stdout);
        Assert.Contains("CPUExecutionProvider", stdout);
        Assert.Contains("libpng             found", stdout);
        Assert.Contains("libcudart.so.13", stdout); // CUDA's runtime libraries are listed, loaded or missing
        Assert.Contains("libnvinfer.so.10", stdout);
        Assert.Contains("models folder", stdout);
    }

    [Fact]
    public async Task Help_lists_every_command_once()
    {
        var (code, stdout, _) = await CliRunner.Run("--help");
        Assert.Equal(ExitCodes.Success, code);
        foreach (var command in new[] { "run", "generate", "score", "report", "leaderboard", "gate", "cases", "metric", "embed", "preprocess", "models", "bench", "doctor" })
            Assert.Contains($"\n  {command} ", stdout);
    }
}
