using OmniContextEval.Core.Scoring;

namespace OmniContextEval.Core.Tests.Scoring;

public class MetricNormalisationTests
{
    [Fact]
    public void Every_normalisation_is_monotone_and_within_0_to_100()
    {
        foreach (var (name, normalisation) in ScoringSpecLoader.Default().Normalisation)
        {
            var lowerIsBetter = normalisation.Kind == NormalisationKind.ExpDecay || normalisation.Best < normalisation.Worst;
            var previous = lowerIsBetter ? 100.0 : 0.0;
            for (var x = -5.0; x <= 300; x += 0.01 * (1 + Math.Abs(x)))
            {
                var score = normalisation.Apply(x);
                Assert.InRange(score, 0, 100);
                Assert.True(lowerIsBetter ? score <= previous : score >= previous, $"{name} not monotone at {x}");
                previous = score;
            }
        }
    }

    [Fact]
    public void Linear_maps_worst_to_0_and_best_to_100_in_either_direction()
    {
        var psnr = MetricNormalisation.Linear(8, 35);
        Assert.Equal((0, 50, 100, 100), (psnr.Apply(8), psnr.Apply(21.5), psnr.Apply(35), psnr.Apply(double.PositiveInfinity)));
        var lpips = MetricNormalisation.Linear(0.8, 0);
        Assert.Equal((100, 50, 0, 0), (lpips.Apply(0), lpips.Apply(0.4), lpips.Apply(0.8), lpips.Apply(1.2)));
    }

    [Fact]
    public void Exponential_decay_maps_zero_distance_to_100()
    {
        var fid = MetricNormalisation.ExpDecay(100);
        Assert.Equal(100, fid.Apply(0));
        Assert.Equal(100 * Math.Exp(-1), fid.Apply(100), 12);
        Assert.Equal(100, fid.Apply(-1e-9)); // tiny negative FID of identical sets is rounding
    }

    [Fact]
    public void NaN_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => MetricNormalisation.Linear(0, 1).Apply(double.NaN));
    }
}
