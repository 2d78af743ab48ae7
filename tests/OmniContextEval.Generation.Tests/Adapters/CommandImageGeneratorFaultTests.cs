using System.Diagnostics;
using OmniContextEval.Generation.Adapters;
using OmniContextEval.Generation.Running;
using OmniContextEval.Generation.Tests.TestSupport;
using OmniContextEval.Testing;
using Xunit.Abstractions;

namespace OmniContextEval.Generation.Tests.Adapters;

/// <summary>Misbehaving commands: each ends in a recorded failure, in bounded time and memory, leaving no process behind.</summary>
[Collection(ProcessIsolation.Name)]
public class CommandImageGeneratorFaultTests(ITestOutputHelper output)
{
    private static readonly ExternalOptions Once = new(TimeSpan.FromSeconds(20), Retries: 0);

    private static async Task<GenerationSummary> Run(string command, SuiteFolder suite, ExternalOptions options) =>
        await new GenerationRunner(new CommandImageGenerator(command, options), new OutputLayout(TestPaths.NewTempDir(), "cmd"))
            .RunAsync(suite.Cases, suite.Directory, [0]).WaitAsync(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task Endless_stdout_fails_the_case_at_the_answer_limit_with_bounded_memory()
    {
        var suite = new SuiteFolder(1);
        var (summary, growth) = await MemoryProbe.Measure(() => Run("yes", suite, Once));
        output.WriteLine($"yes: allocated {growth.AllocatedMiB:F0} MiB, working set +{growth.WorkingSetMiB:F0} MiB");
        var problem = Assert.Single(summary.Problems);
        Assert.Contains("case case-00 seed 0", problem.Error);
        Assert.Contains("stdout is larger than the answer limit of 67108864 bytes", problem.Error);
        Assert.InRange(growth.AllocatedMiB, 0, MemoryProbe.BoundMiB);
        Assert.InRange(growth.WorkingSetMiB, double.MinValue, MemoryProbe.BoundMiB);
    }

    [Fact]
    public async Task An_answer_of_millions_of_json_values_is_refused_before_it_is_materialised()
    {
        var suite = new SuiteFolder(1);
        var (summary, growth) = await MemoryProbe.Measure(() => Run("printf '{\"images\":['; yes '{},' | head -c 30000000; printf '{}]}'", suite, Once));
        output.WriteLine($"10 million items: allocated {growth.AllocatedMiB:F0} MiB, working set +{growth.WorkingSetMiB:F0} MiB");
        Assert.Contains("stdout holds more than 1200 JSON values", Assert.Single(summary.Problems).Error);
        Assert.InRange(growth.AllocatedMiB, 0, MemoryProbe.BoundMiB);
    }

    [Fact]
    public async Task The_timeout_holds_when_a_background_child_keeps_stdout_and_the_whole_group_is_killed()
    {
        var suite = new SuiteFolder(1);
        var ids = Path.Combine(TestPaths.NewTempDir(), "ids");
        var clock = Stopwatch.StartNew();
        var summary = await Run($"sleep 1000 & echo $$ $! > {ids}; sleep 1000", suite, Once with { Timeout = TimeSpan.FromSeconds(2) });
        output.WriteLine($"background child: failed after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.5, 2 + 3);
        Assert.Contains("timed out after 2 s; its process group was killed", Assert.Single(summary.Problems).Error);
        var (group, child) = ReadIds(ids);
        await AssertGone(group, child);
    }

    [Fact]
    public async Task A_command_that_exits_leaving_a_child_on_stdout_is_not_waited_for()
    {
        var suite = new SuiteFolder(1);
        var ids = Path.Combine(TestPaths.NewTempDir(), "ids");
        var clock = Stopwatch.StartNew();
        var summary = await Run($"sleep 1000 & echo $$ $! > {ids}; echo '{{\"images\":[]}}'", suite, Once);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 1 + 3);
        Assert.Contains("returned no image for case case-00 seed 0", Assert.Single(summary.Problems).Error);
        var (group, child) = ReadIds(ids);
        await AssertGone(group, child);
    }

    [Fact]
    public async Task The_timeout_holds_against_a_daemon_that_left_the_group()
    {
        var suite = new SuiteFolder(1);
        var ids = Path.Combine(TestPaths.NewTempDir(), "ids");
        var clock = Stopwatch.StartNew();
        try
        {
            var summary = await Run($"setsid sleep 1000 & echo $$ $! > {ids}; echo '{{\"images\":[]}}'", suite, Once with { Timeout = TimeSpan.FromSeconds(3) });
            output.WriteLine($"daemon: failed after {clock.Elapsed.TotalSeconds:F1} s");
            Assert.InRange(clock.Elapsed.TotalSeconds, 0, 3 + 3);
            Assert.Contains("stdout stayed open after the command exited", Assert.Single(summary.Problems).Error);
        }
        finally
        {
            var (_, daemon) = ReadIds(ids);
            try { Process.GetProcessById(daemon).Kill(); } catch (ArgumentException) { }
        }
    }

    [Fact]
    public async Task A_returned_fifo_fails_its_case_without_hanging()
    {
        var suite = new SuiteFolder(1);
        var fifo = Path.Combine(TestPaths.NewTempDir(), "out.png");
        var clock = Stopwatch.StartNew();
        var summary = await Run($"mkfifo {fifo}; cat > /dev/null; echo '{{\"images\":[{{\"caseId\":\"case-00\",\"seed\":0,\"path\":\"{fifo}\"}}]}}'", suite, Once);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
        Assert.Contains("is a FIFO, not a regular file", Assert.Single(summary.Problems).Error);
    }

    [Theory]
    [InlineData("head -c 2000 /dev/urandom")]
    [InlineData("head -c 2000 /dev/urandom >&2; exit 1")]
    [InlineData("cat {json}")]
    public async Task Random_bytes_and_escape_sequences_are_escaped_and_cut(string command)
    {
        var suite = new SuiteFolder(1);
        var json = Path.Combine(TestPaths.NewTempDir(), "answer.json");
        File.WriteAllText(json, "{\"images\":[{\"caseId\":\"case-00\",\"seed\":0,\"error\":\"\\u001b[31mred\\u001b]0;title\\u0007 \\u202e\"}]}");
        var layout = new OutputLayout(TestPaths.NewTempDir(), "cmd");
        var summary = await new GenerationRunner(new CommandImageGenerator(command.Replace("{json}", json), Once), layout).RunAsync(suite.Cases, suite.Directory, [0]);
        var error = Assert.Single(summary.Problems).Error!;
        output.WriteLine(error[..Math.Min(error.Length, 300)]);
        Assert.Contains("case case-00 seed 0", error);
        Assert.All(error, c => Assert.False(char.IsControl(c) || c == '\uFFFD' || c == '\u202E', $"raw U+{(int)c:X4} in the message"));
        Assert.InRange(error.Length, 1, 4000);
        var recorded = System.Text.Json.JsonDocument.Parse(File.ReadAllLines(layout.LogPath).Single()).RootElement.GetProperty("error").GetString()!;
        Assert.All(recorded, c => Assert.False(char.IsControl(c), $"raw U+{(int)c:X4} in generation.jsonl"));
    }

    [Theory]
    [InlineData("{\"images\": null}", "without an \"images\" list (\"images\": null)")]
    [InlineData("null", "without an \"images\" list (null)")]
    [InlineData("{\"images\": [null, 3]}", "stdout is not the expected JSON")]
    [InlineData("{\"images\": [null]}", "returned no image for case case-00 seed 0")]
    [InlineData("{\"images\": [{\"caseId\":\"case-00\",\"seed\":0}]}", "has no path")]
    public async Task Odd_json_is_a_named_failure(string stdout, string expected)
    {
        var suite = new SuiteFolder(1);
        var summary = await Run($"echo '{stdout}'", suite, Once);
        var error = Assert.Single(summary.Problems).Error!;
        Assert.Contains(expected, error);
        Assert.DoesNotContain("Exception", error);
    }

    [Fact]
    public async Task Cancelling_ends_the_process_group_and_removes_the_request_file()
    {
        var suite = new SuiteFolder(1);
        var ids = Path.Combine(TestPaths.NewTempDir(), "ids");
        using var cancel = new CancellationTokenSource();
        var generator = new CommandImageGenerator($"sleep 1000 & echo $$ $! \"$OMNICTX_REQUEST\" > {ids}; sleep 1000", Once);
        var run = generator.GenerateAsync([new GenerationRequest(suite.Cases[0], suite.Directory, 0, 32, 32)], cancel.Token);
        var request = await WaitForIds(ids);
        Assert.True(File.Exists(request));
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(10)));
        var (group, child) = ReadIds(ids);
        await AssertGone(group, child);
        Assert.False(Directory.Exists(Path.GetDirectoryName(request)));
    }

    [Fact]
    public async Task Ending_all_groups_at_exit_kills_the_commands_and_removes_their_request_files()
    {
        // The path SIGTERM takes: .NET raises ProcessExit, whose handler is ProcessGroup.EndAll.
        var suite = new SuiteFolder(1);
        var ids = Path.Combine(TestPaths.NewTempDir(), "ids");
        var generator = new CommandImageGenerator($"sleep 1000 & echo $$ $! \"$OMNICTX_REQUEST\" > {ids}; sleep 1000", Once);
        var run = generator.GenerateAsync([new GenerationRequest(suite.Cases[0], suite.Directory, 0, 32, 32)], CancellationToken.None);
        var request = await WaitForIds(ids);
        ProcessGroup.EndAll();
        Assert.False(Directory.Exists(Path.GetDirectoryName(request)));
        var (group, child) = ReadIds(ids);
        await AssertGone(group, child);
        Assert.Equal(Core.Results.GenerationStatus.Failed, GenerationOutcomeStatus(await run.WaitAsync(TimeSpan.FromSeconds(10))));
    }

    private static Core.Results.GenerationStatus GenerationOutcomeStatus(IReadOnlyList<GenerationOutcome> outcomes) => Assert.Single(outcomes).Status;

    private static async Task<string> WaitForIds(string path)
    {
        for (var i = 0; i < 200 && (!File.Exists(path) || File.ReadAllText(path).Split(' ').Length < 3); i++) await Task.Delay(25);
        return File.ReadAllText(path).Split(' ', 3)[2].Trim();
    }

    private static (int Group, int Child) ReadIds(string path)
    {
        var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (int.Parse(parts[0]), int.Parse(parts[1]));
    }

    private static async Task AssertGone(int group, int child)
    {
        for (var i = 0; i < 100 && (ProcessGroup.MembersOf(group).Count > 0 || Alive(child)); i++) await Task.Delay(20);
        Assert.Empty(ProcessGroup.MembersOf(group));
        Assert.False(Alive(child), $"background child {child} survived");
    }

    private static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException) { return false; }
    }
}
