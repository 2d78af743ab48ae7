using OmniContextEval.Metrics.Lpips;
using OmniContextEval.Metrics.Tests.TestSupport;

namespace OmniContextEval.Metrics.Tests.Lpips;

public class LpipsScorerTests
{
    public static TheoryData<string> Nets => ["alex", "vgg"];

    [Theory]
    [MemberData(nameof(Nets))]
    public void Distances_match_pytorch_and_perceptual_similarity_code(string net)
    {
        var pytorch = MetricFixtures.ModelReference("lpips-" + net).GetProperty("pairs").EnumerateArray().ToList();
        var project = MetricFixtures.Expected("lpips-reference-project.json").GetProperty(net).EnumerateArray().ToList();
        var scorer = LpipsScorer.Create(MetricFixtures.Pool, net);

        for (int i = 0; i < pytorch.Count; i++)
        {
            var p = pytorch[i];
            int h = p.GetProperty("height").GetInt32(), w = p.GetProperty("width").GetInt32();
            var distance = scorer.Distance(TestPattern.Image(p.GetProperty("a").GetInt32(), h, w), TestPattern.Image(p.GetProperty("b").GetInt32(), h, w));

            Assert.Equal(p.GetProperty("distance").GetDouble(), distance, 1e-5);
            Assert.Equal(project[i].GetProperty("distance").GetDouble(), distance, 1e-5);
        }
    }

    [Theory]
    [MemberData(nameof(Nets))]
    public void Taps_match_pytorch_within_float32_tolerance(string net)
    {
        var reference = MetricFixtures.ModelReference("lpips-" + net).GetProperty("taps").EnumerateArray().Select(MetricFixtures.Flatten).ToList();
        var network = MetricFixtures.Pool.Get("lpips-" + net);
        var input = new float[3 * 32 * 32];
        LpipsScorer.Input.Write(TestPattern.Image(0, 32, 32), input);

        var taps = network.Run(input, new long[] { 1, 3, 32, 32 });

        Assert.Equal(5, taps.Count);
        for (int t = 0; t < 5; t++)
        {
            float scale = reference[t].Max(Math.Abs);
            Assert.Equal(reference[t].Length, taps[t].Values.Length);
            for (int i = 0; i < reference[t].Length; i++)
                Assert.InRange(Math.Abs(taps[t].Values[i] - reference[t][i]), 0, 1e-5f * scale);
        }
    }

    [Fact]
    public void Identical_images_give_zero_and_repeated_runs_are_identical()
    {
        var scorer = LpipsScorer.Create(MetricFixtures.Pool, "alex");
        var a = TestPattern.Image(3, 64, 64);
        var b = TestPattern.Image(9, 64, 64);

        Assert.Equal(0.0, scorer.Distance(a, a));
        Assert.Equal(scorer.Distance(a, b), scorer.Distance(a, b));
    }

    [Fact]
    public void Unknown_net_and_size_mismatch_are_clear_errors()
    {
        Assert.Contains("alex, vgg", Assert.Throws<Core.InvalidSettingException>(() => LpipsScorer.Create(MetricFixtures.Pool, "squeeze")).Message);
        var scorer = LpipsScorer.Create(MetricFixtures.Pool, "alex");
        Assert.Contains("differ in size", Assert.Throws<Core.HarnessException>(() => scorer.Distance(TestPattern.Image(0, 64, 64), TestPattern.Image(0, 64, 48))).Message);
    }
}
