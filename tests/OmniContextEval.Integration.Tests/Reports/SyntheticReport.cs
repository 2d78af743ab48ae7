using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Codecs;
using OmniContextEval.Reports;

namespace OmniContextEval.Integration.Tests.Reports;

/// <summary>A report built from a synthetic run (16 cases x 3 seeds) with real PNG images, written once per test class.</summary>
public sealed class SyntheticReport : IDisposable
{
    private readonly TempFolder _temp = new();

    public SyntheticReport()
    {
        var suiteRoot = _temp.Sub("suite");
        var suite = SyntheticRun.Suite(root: suiteRoot);
        var run = _temp.Sub("run");
        SyntheticRun.WriteRun(run, suite, runId: "browser-test");
        foreach (var c in suite.Cases)
        {
            var hue = c.Id.GetHashCode(StringComparison.Ordinal) & 0xFF;
            foreach (var input in c.InputImages) WriteImage(Path.Combine(suiteRoot, input), hue, 40);
            if (c.ReferenceImage is not null) WriteImage(Path.Combine(suiteRoot, c.ReferenceImage), hue, 120);
            foreach (var seed in SyntheticRun.Seeds) WriteImage(Path.Combine(run, "outputs", $"{c.Id}_s{seed}.png"), hue, 200 + seed * 20);
        }
        SyntheticScoring.Score(run, suite);
        Index = ReportBuilder.Write(run, Path.Combine(_temp.Path, "reports", "browser-test"));
    }

    /// <summary>The report's index.html.</summary>
    public string Index { get; }

    private static void WriteImage(string path, int hue, int tone)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var image = new RgbImage(48, 48);
        for (var y = 0; y < 48; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < 48; x++)
            {
                var inside = Math.Abs(x - 24) + Math.Abs(y - 24) < 16;
                row[3 * x] = (byte)(inside ? hue : tone);
                row[3 * x + 1] = (byte)(inside ? 255 - hue : tone / 2);
                row[3 * x + 2] = (byte)(inside ? 90 : 255 - tone / 2);
            }
        }
        PngEncoder.Write(path, image);
    }

    public void Dispose() => _temp.Dispose();
}
