using OmniContextEval.Core.Results;
using OmniContextEval.Generation.Adapters;
using OmniContextEval.Generation.Running;
using OmniContextEval.Generation.Tests.TestSupport;
using OmniContextEval.Imaging.Codecs;

namespace OmniContextEval.Generation.Tests.Adapters;

public class FolderImageGeneratorTests
{
    [Fact]
    public async Task Missing_outputs_are_recorded_as_missing_and_present_ones_copied()
    {
        var suite = new SuiteFolder(3);
        var source = TestPaths.NewTempDir();
        PngEncoder.Write(Path.Combine(source, OutputLayout.RelativeImagePath(suite.Cases[0], 0)), SyntheticCases.Disc(32, 32, 2));
        var broken = Path.Combine(source, OutputLayout.RelativeImagePath(suite.Cases[1], 0));
        Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
        File.WriteAllText(broken, "not a png");
        var layout = new OutputLayout(TestPaths.NewTempDir(), "folder");
        var summary = await new GenerationRunner(new FolderImageGenerator(source), layout)
            .RunAsync(suite.Cases, suite.Directory, [0, 1]);
        Assert.Equal(6, summary.Total);
        Assert.Equal(1, summary.Generated);
        Assert.Equal(1, summary.Failed);
        Assert.Equal(4, summary.Missing);
        var records = new GenerationLog(layout.LogPath).Load();
        Assert.Equal(6, records.Count);
        Assert.Equal(GenerationStatus.Missing, records[("case-02", 0)].Status);
        Assert.Equal(GenerationStatus.Missing, records[("case-00", 1)].Status);
        Assert.True(File.Exists(layout.ImagePath(suite.Cases[0], 0)));
    }
}
