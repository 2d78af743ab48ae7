using OmniContextEval.Core;
using OmniContextEval.Metrics.Lpips;

namespace OmniContextEval.Metrics.Tests.Lpips;

public class LpipsLinearWeightsTests
{
    [SharedDataFact]
    public void Reads_the_real_v0_1_weights_with_their_published_sums()
    {
        var path = Path.Combine(TestPaths.SharedReferenceData!, "lpips", "lpips_v0.1_lin_weights.json");

        var alex = LpipsLinearWeights.Load(path, "v0.1/alex");
        var vgg = LpipsLinearWeights.Load(path, "v0.1/vgg");

        Assert.Equal([64, 192, 384, 256, 256], alex.Taps.Select(t => t.Length));
        Assert.Equal([64, 128, 256, 512, 512], vgg.Taps.Select(t => t.Length));
        double[] sums = [2.34953, 16.14303, 39.26844, 27.19718, 20.31718];
        for (int k = 0; k < 5; k++)
            Assert.Equal(sums[k], alex.Taps[k].Sum(v => (double)v), 4);
        Assert.Equal(6.92599, vgg.Taps[0].Sum(v => (double)v), 4);
    }

    [Fact]
    public void Negative_weight_is_rejected_naming_file_and_field()
    {
        var path = Write("""{"v0.1/alex": {"lin0.model.1.weight": {"shape": [1,2,1,1], "values": [0.5, -0.1]}}}""");

        var e = Assert.Throws<HarnessException>(() => LpipsLinearWeights.Load(path, "v0.1/alex"));

        Assert.Contains(path, e.Message);
        Assert.Contains("v0.1/alex.lin0[1]", e.Message);
        Assert.Equal(ExitCodes.ModelError, e.ExitCode);
    }

    [Fact]
    public void Missing_key_lists_the_keys_present()
    {
        var path = Write("""{"v0.1/vgg": {"lin0.model.1.weight": {"shape": [1,1,1,1], "values": [1]}}}""");

        var e = Assert.Throws<HarnessException>(() => LpipsLinearWeights.Load(path, "v0.1/alex"));

        Assert.Contains("has: v0.1/vgg", e.Message);
    }

    private static string Write(string json)
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "lin.json");
        File.WriteAllText(path, json);
        return path;
    }
}
