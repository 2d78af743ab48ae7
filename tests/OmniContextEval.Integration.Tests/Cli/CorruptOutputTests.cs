using System.Diagnostics;
using OmniContextEval.Core;
using OmniContextEval.Core.Results;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Codecs;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Integration.Tests.Cli;

/// <summary>
/// Issue 12's reproduction: a finished run whose outputs are replaced by a zero-byte file, text, a symbolic link to
/// /etc/passwd, a 1x1 image, a directory and a FIFO; the rerun names each as a failed output scoring 0 and exits 6,
/// without hanging or crashing.
/// </summary>
public sealed class CorruptOutputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task A_rerun_fails_every_corrupt_output_with_a_named_reason_and_scores_it_0()
    {
        if (!OperatingSystem.IsLinux()) return;
        var suite = RunCommandTests.MiniSuite(_temp);
        string[] args = ["run", "--suite", suite, "--runs-dir", Path.Combine(_temp.Path, "runs"), "--reports-dir", Path.Combine(_temp.Path, "reports"),
            "--run-id", "r", "--models", Path.Combine(_temp.Path, "no-models"), "--steps", "2", "--seeds", "0"];
        var (code, _, stderr) = await CliRunner.Run(args);
        Assert.True(code == ExitCodes.Success, stderr);

        var outputs = Directory.EnumerateFiles(Path.Combine(_temp.Path, "runs", "r", "outputs", "native", "seed-0"), "*.png", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(outputs.Count >= 6);
        var expected = new Dictionary<string, string>
        {
            [Key(outputs[0])] = "unrecognised magic number",
            [Key(outputs[1])] = Key(outputs[1]) + ".png: not a PNG",
            [Key(outputs[2])] = "is a symbolic link",
            [Key(outputs[3])] = "is 1x1, smaller than the minimum of 64 px per side",
            [Key(outputs[4])] = "is a directory, not a regular file",
            [Key(outputs[5])] = "is a FIFO, not a regular file",
        };
        File.WriteAllBytes(outputs[0], []);
        File.WriteAllText(outputs[1], "not an image\n");
        File.Delete(outputs[2]);
        File.CreateSymbolicLink(outputs[2], "/etc/passwd");
        PngEncoder.Write(outputs[3], new RgbImage(1, 1));
        File.Delete(outputs[4]);
        Directory.CreateDirectory(outputs[4]);
        File.Delete(outputs[5]);
        using (var mkfifo = Process.Start("mkfifo", outputs[5])) mkfifo.WaitForExit();

        var rerun = CliRunner.Run(args);
        Assert.Same(rerun, await Task.WhenAny(rerun, Task.Delay(TimeSpan.FromSeconds(120)))); // no hang
        (code, _, stderr) = await rerun;
        Assert.True(code == ExitCodes.PartialFailure, stderr);
        var scores = ResultsReader.ReadScores(Path.Combine(_temp.Path, "runs", "r"));
        foreach (var (key, reason) in expected)
        {
            var score = Assert.Single(scores, s => s.CaseId == key);
            Assert.Equal(GenerationStatus.Failed, score.Status);
            Assert.Equal(0, score.Total);
            Assert.True(stderr.Contains(reason), stderr);
        }
        Assert.All(scores.Where(s => !expected.ContainsKey(s.CaseId)), s => Assert.Equal(GenerationStatus.Ok, s.Status));
    }

    private static string Key(string path) => Path.GetFileNameWithoutExtension(path);

    public void Dispose() => _temp.Dispose();
}
