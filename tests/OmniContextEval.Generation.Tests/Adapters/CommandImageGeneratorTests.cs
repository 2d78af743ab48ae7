using OmniContextEval.Core.Results;
using OmniContextEval.Generation.Adapters;
using OmniContextEval.Generation.Running;
using OmniContextEval.Generation.Tests.TestSupport;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Codecs;

namespace OmniContextEval.Generation.Tests.Adapters;

public class CommandImageGeneratorTests
{
    private static readonly ExternalOptions Quick = new(TimeSpan.FromSeconds(20), Retries: 1, Backoff: TimeSpan.FromMilliseconds(10));

    // A command that answers every request of the batch with the same prepared file.
    private static string Answering(string imagePath, SuiteFolder suite, int[] seeds)
    {
        var images = string.Join(",", suite.Cases.SelectMany(c => seeds.Select(s => $"{{\"caseId\":\"{c.Id}\",\"seed\":{s},\"path\":\"{imagePath}\"}}")));
        return $"cat > /dev/null; echo '{{\"images\":[{images}]}}'";
    }

    private static async Task<GenerationSummary> Run(string command, SuiteFolder suite, ExternalOptions? options = null, int[]? seeds = null) =>
        await new GenerationRunner(new CommandImageGenerator(command, options ?? Quick), new OutputLayout(TestPaths.NewTempDir(), "cmd"))
            .RunAsync(suite.Cases, suite.Directory, seeds ?? [0]);

    [Fact]
    public async Task Images_named_on_stdout_are_stored()
    {
        var suite = new SuiteFolder(2);
        var image = Path.Combine(suite.Directory, "out.png");
        PngEncoder.Write(image, SyntheticCases.Disc(32, 32, 1));
        var summary = await Run(Answering(image, suite, [0, 1]), suite, seeds: [0, 1]);
        Assert.Equal((4, 0), (summary.Generated, summary.Problems.Count));
    }

    [Fact]
    public async Task The_request_reaches_the_command_on_stdin_and_in_a_file()
    {
        var suite = new SuiteFolder(1);
        var copy = Path.Combine(suite.Directory, "seen.json");
        var image = Path.Combine(suite.Directory, "out.png");
        PngEncoder.Write(image, SyntheticCases.Disc(32, 32, 1));
        await Run($"cat > {copy}.stdin; cp \"$OMNICTX_REQUEST\" {copy}; " + Answering(image, suite, [0])[("cat > /dev/null; ".Length)..], suite);
        Assert.Contains("\"caseId\":\"case-00\"", File.ReadAllText(copy + ".stdin"));
        Assert.Equal(File.ReadAllText(copy), File.ReadAllText(copy + ".stdin"));
        Assert.Contains("\"instruction\":\"Put the cat", File.ReadAllText(copy));
    }

    [Fact]
    public async Task A_command_that_times_out_is_killed_retried_and_recorded()
    {
        var suite = new SuiteFolder(1);
        var summary = await Run("sleep 30", suite, Quick with { Timeout = TimeSpan.FromMilliseconds(300) });
        var problem = Assert.Single(summary.Problems);
        Assert.Equal(GenerationStatus.Failed, problem.Status);
        Assert.Contains("attempt 2 of 2: timed out", problem.Error);
    }

    [Fact]
    public async Task A_crash_is_recorded_with_its_exit_code_and_stderr()
    {
        var suite = new SuiteFolder(2);
        var summary = await Run("echo 'CUDA out of memory' >&2; exit 3", suite);
        Assert.Equal(2, summary.Failed);
        Assert.All(summary.Problems, p => Assert.Contains("exit code 3; stderr: CUDA out of memory", p.Error));
    }

    [Fact]
    public async Task Garbage_on_stdout_is_a_recorded_failure()
    {
        var suite = new SuiteFolder(1);
        var summary = await Run("echo 'loading weights... done'", suite);
        Assert.Contains("stdout is not the expected JSON", Assert.Single(summary.Problems).Error);
    }

    [Fact]
    public async Task A_non_image_and_a_wrongly_sized_image_fail_their_requests()
    {
        var suite = new SuiteFolder(1);
        var text = Path.Combine(suite.Directory, "out.png");
        File.WriteAllText(text, "hello");
        Assert.Contains("not a PNG", Assert.Single((await Run(Answering(text, suite, [0]), suite)).Problems).Error);

        var small = Path.Combine(suite.Directory, "small.png");
        PngEncoder.Write(small, new RgbImage(8, 8));
        Assert.Contains("returned a 8x8 image, expected 32x32", Assert.Single((await Run(Answering(small, suite, [0]), suite)).Problems).Error);
    }
}
