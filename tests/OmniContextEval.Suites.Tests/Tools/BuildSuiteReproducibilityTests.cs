using System.Diagnostics;
using System.Security.Cryptography;
using OmniContextEval.Suites.Tests.Validation;

namespace OmniContextEval.Suites.Tests.Tools;

/// <summary>
/// tools/build-suite.py rebuilds committed cases byte for byte (case JSON, pool inputs, references, suite.json,
/// ATTRIBUTION.md). Needs Debian's python3-pil and mate-backgrounds, and npm (tools/setup.sh --tests installs them).
/// </summary>
public sealed class BuildSuiteReproducibilityTests : IDisposable
{
    // a basic, an intermediate (mirror, overlap), an advanced (sepia, leap, scene) and an expert (poster) case
    private static readonly string[] Sample =
        ["single_character-002", "multi_character-003", "scene_character-006", "scene_character_object-008"];

    private readonly string _out = TestPaths.NewTempDir("omnictx-rebuild");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task Rebuilding_a_sample_reproduces_the_committed_files()
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { Path.Combine(TestPaths.RepoRoot, "tools", "build-suite.py"), "--out", _out, "--only", string.Join(",", Sample) },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"build-suite.py failed:\n{await stderr}");

        var built = Directory.EnumerateFiles(_out, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_out, f)).Order().ToList();
        foreach (var id in Sample)
            Assert.Contains(built, f => f.EndsWith(id + ".json") || f.EndsWith(id + ".jpg"));
        Assert.Contains(built, f => f.StartsWith("pool/scenes/"));
        foreach (var relative in built)
        {
            var committed = Path.Combine(TempSuite.Shipped, relative);
            Assert.True(File.Exists(committed), $"{relative} was built but is not committed");
            Assert.True(Hash(committed) == Hash(Path.Combine(_out, relative)), $"{relative} differs from the committed file");
        }
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
