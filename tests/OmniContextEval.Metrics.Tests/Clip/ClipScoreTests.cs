using OmniContextEval.Metrics.Clip;

namespace OmniContextEval.Metrics.Tests.Clip;

public class ClipScoreTests
{
    [Fact]
    public void Hessel_clamps_each_image_then_averages()
    {
        Assert.Equal((2.5 * 0.3 + 0) / 2, ClipScore.Compute([0.3, -0.1], ClipScoreConvention.Hessel), 12);
    }

    [Fact]
    public void Torch_metrics_averages_then_clamps()
    {
        Assert.Equal(100 * (0.3 - 0.1) / 2, ClipScore.Compute([0.3, -0.1], ClipScoreConvention.TorchMetrics), 12);
        Assert.Equal(0, ClipScore.Compute([-0.2, 0.1], ClipScoreConvention.TorchMetrics));
        Assert.Equal(2.5 * 0.1 / 2, ClipScore.Compute([-0.2, 0.1], ClipScoreConvention.Hessel), 12);
    }

    [Fact]
    public void Convention_names_say_which_formula()
    {
        Assert.Contains("2.5", ClipScore.Name(ClipScoreConvention.Hessel));
        Assert.Contains("100", ClipScore.Name(ClipScoreConvention.TorchMetrics));
    }

    [Fact]
    public void Zero_shot_is_a_softmax_over_hundred_times_cosine()
    {
        float[] image = [1, 0];
        var p = ZeroShot.Probabilities(image, [[1, 0], [0, 1], [1, 1]]);
        var logits = new[] { 100.0, 0, 100 / Math.Sqrt(2) };
        var z = logits.Sum(l => Math.Exp(l - 100));
        Assert.Equal(1 / z, p[0], 12);
        Assert.Equal(Math.Exp(logits[2] - 100) / z, p[2], 12);
        Assert.Equal(1, p.Sum(), 12);
    }
}
