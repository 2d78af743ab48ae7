using OmniContextEval.Core;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Integration.Tests.Cli;

/// <summary>
/// <c>omnictx run</c> end to end on one case per subtask of the shipped suite, with the built-in generator and the
/// committed tiny models: generate, measure, score, report; a rerun resumes. (The gate's verdicts are tested on synthetic runs in <see cref="ReportingCommandsTests"/>.)
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    /// <summary>The shipped suite with only the first case of each subtask (images shared as in the original).</summary>
    private string MiniSuite() => MiniSuite(_temp);

    /// <summary>The shipped suite with only the first case of each subtask, in <paramref name="temp"/>/suite.</summary>
    internal static string MiniSuite(TempFolder temp)
    {
        var source = Path.Combine(TestPaths.RepoRoot, "benchmark-cases", "omnicontext-synth");
        var target = temp.Sub("suite");
        File.Copy(Path.Combine(source, "suite.json"), Path.Combine(target, "suite.json"));
        foreach (var folder in new[] { "pool", "references" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(source, folder), "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(target, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
        foreach (var subtask in Directory.EnumerateDirectories(Path.Combine(source, "cases")))
        {
            var first = Directory.EnumerateFiles(subtask, "*.json").Order(StringComparer.Ordinal).First();
            var copy = Path.Combine(target, Path.GetRelativePath(source, first));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(first, copy);
        }
        return target;
    }

    private static string[] RunArgs(string suite, string root, string id, params string[] extra) =>
        ["run", "--suite", suite, "--runs-dir", Path.Combine(root, "runs"), "--reports-dir", Path.Combine(root, "reports"),
         "--run-id", id, "--models", TestPaths.Fixture("models"), "--steps", "4", .. extra];

    [Fact]
    public async Task Run_generates_measures_scores_reports_and_resumes()
    {
        var suite = MiniSuite();
        var (code, _, stderr) = await Run(RunArgs(suite, _temp.Path, "a"));
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Contains("24 generated", stderr);
        var results = ResultsReader.Read(Path.Combine(_temp.Path, "runs", "a"));
        Assert.Equal(8, results.Cases.Count);
        Assert.Equal(24, ResultsReader.ReadScores(Path.Combine(_temp.Path, "runs", "a")).Count);
        // The committed tiny models have no CLIP vocabulary beside them, so the CLIP text model counts as absent.
        Assert.True(results.Partial);
        Assert.Contains("clip-vit-b32-text", results.AbsentModels);
        Assert.True(File.Exists(Path.Combine(_temp.Path, "reports", "a", "index.html")));
        // One generation.jsonl: the generator's, which the run names in run.json for `omnictx score` alone.
        Assert.False(File.Exists(Path.Combine(_temp.Path, "runs", "a", ResultsFiles.Generation)));
        Assert.True(File.Exists(Path.Combine(_temp.Path, "runs", "a", "outputs", "native", ResultsFiles.Generation)));

        var (again, _, stderr2) = await Run(RunArgs(suite, _temp.Path, "a"));
        Assert.True(again == ExitCodes.Success, stderr2);
        Assert.Contains("24 of 24 outputs up to date", stderr2);
    }

    public void Dispose() => _temp.Dispose();
}
