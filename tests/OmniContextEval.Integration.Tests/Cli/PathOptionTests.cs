using OmniContextEval.Core;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Integration.Tests.Cli;

/// <summary>
/// Names and paths that come from options or data never leave their folders: run ids and method names are plain
/// names (usage error, exit 2, before any work); a results.json run id or a run.json output folder that leaves its
/// root is refused naming the file and field.
/// </summary>
public sealed class PathOptionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Theory]
    [InlineData("../../x")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("a/b")]
    public async Task Run_refuses_a_run_id_that_is_not_a_plain_name_before_any_work(string id)
    {
        var (code, _, stderr) = await CliRunner.Run("run", "--suite", _temp.Sub("no-suite"), "--runs-dir", _temp.Sub("runs"),
            "--reports-dir", _temp.Sub("reports"), "--run-id", id);
        Assert.True(code == ExitCodes.UsageError, stderr);
        Assert.Contains("--run-id", stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path, "*", SearchOption.AllDirectories).Where(p => !p.EndsWith("no-suite") && !p.EndsWith("runs") && !p.EndsWith("reports")));
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("..")]
    public async Task Generate_refuses_a_method_that_is_not_a_plain_name(string method)
    {
        var output = _temp.Sub("out");
        var (code, _, stderr) = await CliRunner.Run("generate", "--suite", _temp.Sub("no-suite"), "--out", output, "--method", method);
        Assert.True(code == ExitCodes.UsageError, stderr);
        Assert.Contains("--method", stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    [Fact]
    public async Task Run_refuses_a_method_that_is_not_a_plain_name()
    {
        var (code, _, stderr) = await CliRunner.Run("run", "--suite", _temp.Sub("no-suite"), "--runs-dir", _temp.Sub("runs"), "--method", "../x");
        Assert.True(code == ExitCodes.UsageError, stderr);
        Assert.Contains("--method", stderr);
    }

    [Fact]
    public async Task Report_refuses_a_run_id_in_results_that_leaves_the_reports_folder()
    {
        var run = SyntheticScoring.ScoredRun(_temp, "run", 0);
        var results = Path.Combine(run, ResultsFiles.Results);
        File.WriteAllText(results, File.ReadAllText(results).Replace("\"runId\": \"run\"", "\"runId\": \"../../escaped\""));
        var (code, _, stderr) = await CliRunner.Run("report", run);
        Assert.True(code == ExitCodes.InvalidInput, stderr);
        Assert.Contains("results.json: run_id '../../escaped'", stderr);
    }

    [Fact]
    public async Task Score_refuses_a_manifest_output_folder_outside_the_run()
    {
        var run = _temp.Sub("to-score");
        SyntheticRun.WriteRun(run, SyntheticRun.Suite());
        File.WriteAllText(Path.Combine(run, ResultsFiles.Manifest), """{ "runId": "to-score", "seeds": [0], "outputDir": "../../elsewhere" }""");
        var (code, _, stderr) = await CliRunner.Run(new SyntheticSuiteSource(), "score", run, "--suite", _temp.Path);
        Assert.True(code == ExitCodes.InvalidInput, stderr);
        Assert.Contains("output_dir '../../elsewhere' leaves the run folder", stderr);
    }

    private sealed class SyntheticSuiteSource : OmniContextEval.Runs.Suites.ISuiteSource
    {
        public OmniContextEval.Core.Cases.SuiteSnapshot Load(string path) => SyntheticRun.Suite(root: path);
    }

    public void Dispose() => _temp.Dispose();
}
