using OmniContextEval.Core.Cases;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Codecs;

namespace OmniContextEval.Generation.Tests.TestSupport;

/// <summary>A temporary suite folder with synthetic cases whose input images are real PNG files.</summary>
internal sealed class SuiteFolder
{
    public SuiteFolder(int cases, int size = 32)
    {
        Directory = TestPaths.NewTempDir("omnictx-gen-suite");
        Cases = Enumerable.Range(0, cases).Select(i => SyntheticCases.Case($"case-{i:D2}", 1 + i % 3, withScene: i % 3 == 2, size: size)).ToList();
        foreach (var c in Cases)
        {
            var inputs = SyntheticCases.Inputs(c);
            for (var k = 0; k < inputs.Count; k++) PngEncoder.Write(Path.Combine(Directory, c.InputImages[k]), inputs[k]);
        }
    }

    public string Directory { get; }
    public IReadOnlyList<BenchmarkCase> Cases { get; }

    public static RgbImage LoadInput(string path) => ImageDecoder.Decode(path);
}
