using OmniContextEval.Generation.Native;
using OmniContextEval.Generation.Sampling;
using OmniContextEval.Generation.Tests.TestSupport;
using OmniContextEval.Imaging;

namespace OmniContextEval.Generation.Tests.Native;

public class NativeFlowGeneratorTests
{
    private static readonly NativeFlowGenerator Generator = new(new SamplerOptions { Steps = 30 });

    private static double MeanAbsDifference(RgbImage a, RgbImage b) =>
        a.Pixels.Zip(b.Pixels, (x, y) => Math.Abs(x - y)).Average();

    [Fact]
    public void Same_seed_gives_identical_pixels_whatever_the_parallelism()
    {
        var c = SyntheticCases.Case("det", 2, withScene: false, size: 48);
        var prepared = NativeFlowGenerator.Prepare(c, SyntheticCases.Inputs(c), 48, 48);
        var first = Generator.Generate(prepared, 3).Pixels;
        var parallel = Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(4)
            .Select(_ => Generator.Generate(NativeFlowGenerator.Prepare(c, SyntheticCases.Inputs(c), 48, 48), 3).Pixels).ToList();
        Assert.All(parallel, p => Assert.Equal(first, p));
    }

    [Fact]
    public void Different_seeds_give_visibly_different_images()
    {
        var c = SyntheticCases.Case("seeds", 3, withScene: true, size: 64);
        var prepared = NativeFlowGenerator.Prepare(c, SyntheticCases.Inputs(c), 64, 64);
        var images = Enumerable.Range(0, 3).Select(s => Generator.Generate(prepared, s)).ToArray();
        Assert.True(MeanAbsDifference(images[0], images[1]) > 2, $"seeds 0 and 1 differ by {MeanAbsDifference(images[0], images[1]):F2}");
        Assert.True(MeanAbsDifference(images[1], images[2]) > 2, $"seeds 1 and 2 differ by {MeanAbsDifference(images[1], images[2]):F2}");
        Assert.True(MeanAbsDifference(images[0], images[2]) > 2, $"seeds 0 and 2 differ by {MeanAbsDifference(images[0], images[2]):F2}");
    }

    [Fact]
    public void Output_has_the_requested_size_and_finite_pixels()
    {
        var c = SyntheticCases.Case("size", 1, size: 40);
        var image = Generator.Generate(NativeFlowGenerator.Prepare(c, SyntheticCases.Inputs(c), 40, 24), 0);
        Assert.Equal((40, 24), (image.Width, image.Height));
    }
}
