using OmniContextEval.Core.Scoring;
using OmniContextEval.Core.Statistics;

namespace OmniContextEval.Core.Tests.Statistics;

public class BootstrapTests
{
    private static readonly StatisticsSpec Settings = new(0.95, 2000, 42);

    private static double[] Sample(int n, ulong seed)
    {
        var random = new SplitMix64(seed);
        return Enumerable.Range(0, n).Select(_ => 50 + 20 * (random.NextUInt64() / (double)ulong.MaxValue - 0.5)).ToArray();
    }

    [Fact]
    public void Same_values_and_seed_give_bit_identical_intervals()
    {
        var values = Sample(50, 1);
        Assert.Equal(Bootstrap.Mean(values, Settings), Bootstrap.Mean(values, Settings));
        Assert.NotEqual(Bootstrap.Mean(values, Settings), Bootstrap.Mean(values, Settings with { BootstrapSeed = 43 }));
    }

    [Fact]
    public void Interval_surrounds_the_mean_and_matches_the_standard_error()
    {
        var values = Sample(400, 2);
        var estimate = Bootstrap.Mean(values, Settings);
        Assert.Equal(values.Average(), estimate.Mean, 12);
        Assert.InRange(estimate.Mean, estimate.Lower, estimate.Upper);
        var standardError = ScoreSummariser.SampleStandardDeviation(values) / Math.Sqrt(values.Length);
        Assert.InRange(estimate.HalfWidth / (1.96 * standardError), 0.9, 1.1);
        Assert.Equal(400, estimate.N);
    }

    [Fact]
    public void Constant_values_have_a_zero_width_interval()
    {
        var estimate = Bootstrap.Mean([7.5, 7.5, 7.5, 7.5], Settings);
        Assert.Equal((7.5, 7.5, 7.5), (estimate.Mean, estimate.Lower, estimate.Upper));
    }

    [Fact]
    public void Paired_comparison_finds_a_shift_that_an_unpaired_view_would_hide()
    {
        var baseline = Sample(60, 3);
        var candidate = baseline.Select(v => v - 1.0).ToArray(); // case spread (±10) dwarfs the shift
        var difference = PairedBootstrap.Compare(baseline, candidate, Settings);
        Assert.Equal(-1.0, difference.MeanDifference, 9);
        Assert.True(difference.Significant);
        Assert.True(difference.WilcoxonP < 1e-6);
        Assert.False(PairedBootstrap.Compare(baseline, baseline, Settings).Significant);
    }

    [Fact]
    public void SplitMix64_reproduces_its_reference_sequence()
    {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var random = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
    }
}
