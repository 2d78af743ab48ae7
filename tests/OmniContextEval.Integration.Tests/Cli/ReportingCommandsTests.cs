using OmniContextEval.Core;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Integration.Tests.Cli;

/// <summary>The reporting commands end to end through the command line: exit codes, stdout and files.</summary>
public sealed class ReportingCommandsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRunner.Run(args);

    private string Scored(string id, double quality, IReadOnlyList<string>? absent = null) =>
        SyntheticScoring.ScoredRun(_temp, id, quality, absentModels: absent);

    [Fact]
    public async Task Gate_fails_with_regression_found_and_prints_markdown()
    {
        var output = Path.Combine(_temp.Path, "gate");
        var (code, stdout, _) = await Run("gate", "--baseline", Scored("base", 0), "--candidate", Scored("worse", -0.2), "--margin", "1", "--out", output);
        Assert.Equal(ExitCodes.RegressionFound, code);
        Assert.Contains("## OmniContextEval gate: regression found", stdout);
        Assert.Contains("Cases that dropped most", stdout);
        Assert.Contains("![Paired differences of the total per subtask](charts/gate-differences.png)", stdout);
        foreach (var file in new[] { "gate.md", "charts/gate-differences.png", "charts/gate-differences.svg" })
            Assert.True(File.Exists(Path.Combine(output, file)), file);
    }

    [Fact]
    public async Task Gate_passes_on_an_equal_candidate()
    {
        var baseline = Scored("base", 0);
        var (code, stdout, _) = await Run("gate", "--baseline", baseline, "--candidate", baseline, "--out", Path.Combine(_temp.Path, "gate"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("passed", stdout);
    }

    [Fact]
    public async Task Gate_rejects_another_schema_version_and_truncated_results()
    {
        var baseline = Scored("base", 0);
        var other = Scored("other", 0);
        var file = Path.Combine(other, ResultsFiles.Results);
        var text = File.ReadAllText(file);
        File.WriteAllText(file, text.Replace("\"schemaVersion\": 1", "\"schemaVersion\": 7"));
        var (code, _, stderr) = await Run("gate", "--baseline", baseline, "--candidate", other);
        Assert.Equal(ExitCodes.IncompatibleResults, code);
        Assert.Contains("schema version 7", stderr);

        File.WriteAllText(file, text[..^40]);
        (code, _, stderr) = await Run("gate", "--baseline", baseline, "--candidate", other);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("truncated", stderr);
    }

    [Fact]
    public async Task Leaderboard_refuses_partial_against_complete_unless_forced_and_writes_three_formats()
    {
        var complete = Scored("complete", 0);
        var partial = Scored("partial", 0, ["dinov2"]);
        var output = Path.Combine(_temp.Path, "board");
        var (code, _, stderr) = await Run("leaderboard", complete, partial, "--out", output);
        Assert.Equal(ExitCodes.IncompatibleResults, code);
        Assert.Contains("--force", stderr);

        (code, var stdout, _) = await Run("leaderboard", complete, partial, "--out", output, "--force");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("(partial)", stdout);
        foreach (var file in new[] { "leaderboard.html", "leaderboard.md", "leaderboard.csv", "charts/leaderboard.png", "charts/leaderboard.svg" })
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        Assert.Contains("![Runs ranked by total with 95% CIs](charts/leaderboard.png)", stdout);
        Assert.Contains("<figure class=\"chart\" id=\"chart-leaderboard\"><svg", File.ReadAllText(Path.Combine(output, "leaderboard.html")));
    }

    [Fact]
    public async Task Report_writes_the_report_folder()
    {
        var output = Path.Combine(_temp.Path, "report-out");
        var (code, _, stderr) = await Run("report", Scored("run", 0), "--out", output);
        Assert.Equal(ExitCodes.Success, code);
        Assert.True(File.Exists(Path.Combine(output, "index.html")), stderr);
        foreach (var chart in new[] { "dimensions", "subtasks", "groups", "tiers", "spread", "distribution", "seeds" })
        {
            Assert.True(File.Exists(Path.Combine(output, "charts", $"{chart}.png")), chart);
            Assert.True(File.Exists(Path.Combine(output, "charts", $"{chart}.svg")), chart);
            Assert.Contains($"(charts/{chart}.png)", File.ReadAllText(Path.Combine(output, "summary.md")));
        }
    }

    [Fact]
    public async Task Bad_seeds_are_a_usage_error()
    {
        var (code, _, stderr) = await Run("run", "--seeds", "0,x");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--seeds", stderr);
    }

    [Fact]
    public async Task A_library_error_gets_its_flag_from_the_command_line()
    {
        var (code, _, stderr) = await Run("run", "--device", "tpu");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("error: --device tpu: expected cpu, cuda, tensorrt or auto", stderr);
    }

    private sealed class SyntheticSuiteSource : OmniContextEval.Runs.Suites.ISuiteSource
    {
        public OmniContextEval.Core.Cases.SuiteSnapshot Load(string path) => SyntheticRun.Suite(root: path);
    }

    [Fact]
    public async Task Score_uses_the_injected_suite_loader_and_reports_failed_outputs()
    {
        var run = _temp.Sub("to-score");
        SyntheticRun.WriteRun(run, SyntheticRun.Suite());
        var (code, _, stderr) = await CliRunner.Run(new SyntheticSuiteSource(), "score", run, "--suite", _temp.Path);
        Assert.Equal(ExitCodes.PartialFailure, code); // one failed and one missing output
        Assert.Contains("total", stderr);
        Assert.Equal(48, ResultsReader.ReadScores(run).Count);
    }

    [Fact]
    public async Task Gate_gives_the_expected_verdicts_on_synthetic_runs()
    {
        // Three runs of the same synthetic suite: a baseline, a clearly worse and a clearly better candidate.
        var (baseline, worse, better) = (Scored("verdict-base", 0), Scored("verdict-worse", -0.25), Scored("verdict-better", 0.25));
        var gate = Path.Combine(_temp.Path, "verdict-gate");
        var (code, stdout, stderr) = await Run("gate", "--baseline", baseline, "--candidate", worse, "--out", gate);
        Assert.Equal(ExitCodes.RegressionFound, code);
        Assert.Contains("gate: regression found", stderr);
        Assert.Contains("regression found", stdout);
        (code, _, stderr) = await Run("gate", "--baseline", baseline, "--candidate", better, "--out", gate);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("gate: passed", stderr);
    }

    public void Dispose() => _temp.Dispose();
}
