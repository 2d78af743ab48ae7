using OmniContextEval.Core.Results;
using OmniContextEval.Generation.Adapters;
using OmniContextEval.Generation.Native;
using OmniContextEval.Generation.Running;
using OmniContextEval.Generation.Sampling;
using OmniContextEval.Generation.Tests.TestSupport;
using OmniContextEval.Imaging;

namespace OmniContextEval.Generation.Tests.Running;

public class GenerationRunnerTests
{
    private static readonly int[] Seeds = [0, 1, 2];

    private static NativeImageGenerator Native(Func<string, RgbImage>? load = null) =>
        new(new NativeFlowGenerator(new SamplerOptions { Steps = 20, Guidance = NativeFlowGenerator.DefaultGuidance }), load ?? SuiteFolder.LoadInput, parallelism: 2);

    private static Dictionary<string, byte[]> Files(string dir, string pattern) =>
        Directory.GetFiles(dir, pattern, SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes);

    [Fact]
    public async Task Writes_every_output_in_the_published_layout_and_a_rerun_does_nothing()
    {
        var suite = new SuiteFolder(4);
        var layout = new OutputLayout(TestPaths.NewTempDir(), "native");
        var summary = await new GenerationRunner(Native(), layout).RunAsync(suite.Cases, suite.Directory, Seeds);
        Assert.Equal((12, 12, 0), (summary.Total, summary.Generated, summary.Problems.Count));
        foreach (var c in suite.Cases)
            foreach (var seed in Seeds)
            {
                Assert.True(File.Exists(layout.ImagePath(c, seed)));
                var sidecar = GenerationSidecar.TryRead(layout.SidecarPath(c, seed))!;
                Assert.Equal((c.Id, seed, 20, "euler"), (sidecar.CaseId, sidecar.Seed, sidecar.Steps, sidecar.Solver));
            }
        Assert.Contains("seed-1/fullset/single_object/case-00.png", Files(layout.MethodDirectory, "*.png").Keys);
        var records = new GenerationLog(layout.LogPath).Load();
        Assert.Equal(12, File.ReadAllLines(layout.LogPath).Length);
        Assert.All(records.Values, r => Assert.Equal(GenerationStatus.Ok, r.Status));

        var again = await new GenerationRunner(Native(), layout).RunAsync(suite.Cases, suite.Directory, Seeds);
        Assert.True(again.NothingToDo);
        Assert.Equal("12 of 12 outputs up to date, nothing to do", again.Describe());
        Assert.Equal(12, File.ReadAllLines(layout.LogPath).Length);
    }

    [Fact]
    public async Task Two_clean_runs_give_byte_identical_images()
    {
        var suite = new SuiteFolder(3);
        var first = new OutputLayout(TestPaths.NewTempDir(), "native");
        var second = new OutputLayout(TestPaths.NewTempDir(), "native");
        await new GenerationRunner(Native(), first).RunAsync(suite.Cases, suite.Directory, Seeds);
        await new GenerationRunner(new NativeImageGenerator(new NativeFlowGenerator(new SamplerOptions { Steps = 20, Guidance = NativeFlowGenerator.DefaultGuidance }), SuiteFolder.LoadInput, parallelism: 1), second)
            .RunAsync(suite.Cases, suite.Directory, Seeds);
        Assert.Equal(Files(first.MethodDirectory, "*.png"), Files(second.MethodDirectory, "*.png"));
    }

    [Fact]
    public async Task Changed_settings_regenerate_outputs()
    {
        var suite = new SuiteFolder(1);
        var layout = new OutputLayout(TestPaths.NewTempDir(), "native");
        await new GenerationRunner(Native(), layout).RunAsync(suite.Cases, suite.Directory, [0]);
        var heun = new NativeImageGenerator(new NativeFlowGenerator(new SamplerOptions { Steps = 20, Solver = SolverKind.Heun }), SuiteFolder.LoadInput);
        var summary = await new GenerationRunner(heun, layout).RunAsync(suite.Cases, suite.Directory, [0]);
        Assert.Equal((1, 0), (summary.Generated, summary.UpToDate));
    }

    [Fact]
    public async Task An_unreadable_input_image_fails_its_case_by_id_and_the_others_complete()
    {
        var suite = new SuiteFolder(3);
        File.WriteAllText(Path.Combine(suite.Directory, suite.Cases[1].InputImages[0]), "not an image");
        var layout = new OutputLayout(TestPaths.NewTempDir(), "native");
        var summary = await new GenerationRunner(Native(), layout).RunAsync(suite.Cases, suite.Directory, Seeds);
        Assert.Equal(6, summary.Generated);
        Assert.Equal(3, summary.Failed);
        Assert.All(summary.Problems, p => Assert.Equal("case-01", p.CaseId));
        Assert.All(summary.Problems, p => Assert.Contains("case case-01", p.Error));
        Assert.All(summary.Problems, p => Assert.Contains("not a PNG", p.Error));
        Assert.False(File.Exists(layout.ImagePath(suite.Cases[1], 0)));
    }

    [Fact]
    public async Task A_run_stopped_midway_resumes_without_duplicates_losses_or_partial_files()
    {
        var suite = new SuiteFolder(5);
        var layout = new OutputLayout(TestPaths.NewTempDir(), "native");
        using var stop = new CancellationTokenSource();
        var progress = new SyncProgress(p => { if (p.Done >= 4) stop.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new GenerationRunner(Native(), layout).RunAsync(suite.Cases, suite.Directory, Seeds, progress, stop.Token));
        var partial = new GenerationLog(layout.LogPath).Load().Count;
        Assert.InRange(partial, 4, 14);
        // A kill during an append leaves a torn last line; a leftover temp file is what a kill during a write would leave.
        File.AppendAllText(layout.LogPath, "{\"caseId\":\"case-04\",\"se");
        var leftover = layout.ImagePath(suite.Cases[4], 2) + ".4242.0123456789abcdef0123456789abcdef.tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(leftover)!);
        File.WriteAllBytes(leftover, [0x89, 0x50]);

        var resumed = await new GenerationRunner(Native(), layout).RunAsync(suite.Cases, suite.Directory, Seeds);
        Assert.Equal(15, resumed.UpToDate + resumed.Generated);
        Assert.Equal(partial, resumed.UpToDate);
        var lines = File.ReadAllLines(layout.LogPath);
        Assert.Equal(15, lines.Length);
        Assert.Equal(15, lines.Distinct().Count());
        Assert.Empty(Directory.GetFiles(layout.MethodDirectory, "*.tmp", SearchOption.AllDirectories));

        var clean = new OutputLayout(TestPaths.NewTempDir(), "native");
        await new GenerationRunner(Native(), clean).RunAsync(suite.Cases, suite.Directory, Seeds);
        Assert.Equal(Files(clean.MethodDirectory, "*.png"), Files(layout.MethodDirectory, "*.png"));
    }

    private sealed class SyncProgress(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }
}
