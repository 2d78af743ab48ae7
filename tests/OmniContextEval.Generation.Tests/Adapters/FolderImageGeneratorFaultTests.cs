using System.Diagnostics;
using OmniContextEval.Core.Results;
using OmniContextEval.Generation.Adapters;
using OmniContextEval.Generation.Running;
using OmniContextEval.Generation.Tests.TestSupport;
using OmniContextEval.Imaging.Codecs;
using OmniContextEval.Testing;

namespace OmniContextEval.Generation.Tests.Adapters;

/// <summary>A folder submission whose entries are not images: each fails its case by name, without hanging.</summary>
public class FolderImageGeneratorFaultTests
{
    [Fact]
    public async Task Fifos_devices_directories_and_links_out_of_the_folder_fail_without_hanging()
    {
        var suite = new SuiteFolder(6);
        var source = TestPaths.NewTempDir();
        string Entry(int i)
        {
            var path = Path.Combine(source, OutputLayout.RelativeImagePath(suite.Cases[i], 0));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return path;
        }
        Process.Start("mkfifo", Entry(0))!.WaitForExit();
        File.CreateSymbolicLink(Entry(1), "/dev/zero");
        Directory.CreateDirectory(Entry(2));
        File.CreateSymbolicLink(Entry(3), "/etc/hostname");
        var inside = Path.Combine(source, "real.png");
        PngEncoder.Write(inside, SyntheticCases.Disc(32, 32, 1));
        File.CreateSymbolicLink(Entry(4), inside);
        File.CreateSymbolicLink(Entry(5), Path.Combine(source, "nothing.png"));

        var layout = new OutputLayout(TestPaths.NewTempDir(), "folder");
        var summary = await new GenerationRunner(new FolderImageGenerator(source), layout)
            .RunAsync(suite.Cases, suite.Directory, [0]).WaitAsync(TimeSpan.FromSeconds(30));

        string Error(int i) => summary.Problems.Single(p => p.CaseId == suite.Cases[i].Id).Error!;
        Assert.Contains("is a FIFO, not a regular file", Error(0));
        Assert.Contains("links to /dev/zero, outside the source folder", Error(1));
        Assert.Contains("is a directory, not a regular file", Error(2));
        Assert.Contains("outside the source folder", Error(3));
        Assert.Contains("a symbolic link that does not resolve", Error(5));
        Assert.Equal((1, 5), (summary.Generated, summary.Failed));
        Assert.Equal(GenerationStatus.Ok, new GenerationLog(layout.LogPath).Load()[(suite.Cases[4].Id, 0)].Status);
    }
}
