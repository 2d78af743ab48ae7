using OmniContextEval.Metrics.Fid;
using OmniContextEval.Metrics.Tests.TestSupport;

namespace OmniContextEval.Metrics.Tests.Fid;

public class FrechetDistanceTests
{
    [Fact]
    public void Test_vector_of_metrics_reference_gives_exactly_2048()
    {
        const int d = 2048;
        var identity = new double[d * d];
        for (int i = 0; i < d; i++)
            identity[i * d + i] = 1;
        var a = new FeatureStatistics(d, 4096, new double[d], identity);
        var b = new FeatureStatistics(d, 4096, Enumerable.Repeat(1.0, d).ToArray(), identity);

        var result = FrechetDistance.Compute(a, b);

        Assert.Equal(2048.0, result.Value);
        Assert.False(result.EpsilonRetried);
    }

    [Fact]
    public void Matches_pytorch_fid_and_numpy_eigen_form_on_committed_features()
    {
        var expected = MetricFixtures.Expected("fid-kid.json");
        var a = FeatureStatistics.Of(MetricFixtures.Features("fid-features-a.npy"));
        var b = FeatureStatistics.Of(MetricFixtures.Features("fid-features-b.npy"));

        var value = FrechetDistance.Compute(a, b).Value;

        Assert.InRange(Math.Abs(value / expected.GetProperty("fidPytorchFid").GetDouble() - 1), 0, 1e-4);
        Assert.InRange(Math.Abs(value / expected.GetProperty("fidEigen").GetDouble() - 1), 0, 1e-10);
    }

    [Fact]
    public void Identical_statistics_give_zero_up_to_rounding()
    {
        var a = FeatureStatistics.Of(MetricFixtures.Features("fid-features-a.npy"));

        var value = FrechetDistance.Compute(a, a).Value;

        Assert.InRange(Math.Abs(value), 0, 1e-9 * a.CovarianceTrace());
    }

    [Fact]
    public void Non_finite_statistics_are_retried_with_epsilon_and_reported()
    {
        var a = FeatureStatistics.Of(MetricFixtures.Features("fid-features-a.npy"));
        var broken = a with { Covariance = a.Covariance.Select((v, i) => i == 5 ? double.PositiveInfinity : v).ToArray() };

        var result = FrechetDistance.Compute(broken, a);

        Assert.True(result.EpsilonRetried);
        Assert.False(double.IsFinite(result.Value));
    }

    [Fact]
    public void Score_carries_mode_counts_and_small_sample_warning()
    {
        var a = FeatureStatistics.Of(MetricFixtures.Features("fid-features-a.npy"));
        var b = FeatureStatistics.Of(MetricFixtures.Features("fid-features-b.npy"));

        var score = FidScore.From(a, b, FidMode.LegacyPytorch);

        Assert.Equal("legacy-pytorch", score.Mode);
        Assert.Equal(256, score.CountA);
        Assert.Contains("256 samples", score.Warning);
        Assert.Null(FidScore.SampleWarning(2048, 5000));
    }
}
