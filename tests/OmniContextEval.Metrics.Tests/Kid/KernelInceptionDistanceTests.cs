using OmniContextEval.Metrics.Kid;
using OmniContextEval.Numerics.LinearAlgebra;
using OmniContextEval.Metrics.Numerics;
using OmniContextEval.Metrics.Tests.TestSupport;

namespace OmniContextEval.Metrics.Tests.Kid;

public class KernelInceptionDistanceTests
{
    private static readonly FeatureMatrix A = MetricFixtures.Features("fid-features-a.npy");
    private static readonly FeatureMatrix B = MetricFixtures.Features("fid-features-b.npy");

    [Fact]
    public void Subsets_of_the_whole_set_equal_the_numpy_unbiased_mmd()
    {
        var expected = MetricFixtures.Expected("fid-kid.json");

        var result = KernelInceptionDistance.Compute(A, B, new KidOptions(Subsets: 5, MaxSubsetSize: 1000));

        Assert.Equal(256, result.SubsetSize);
        Assert.InRange(Math.Abs(result.Mean / expected.GetProperty("kidFullSet").GetDouble() - 1), 0, 1e-10);
        Assert.InRange(result.StandardDeviation, 0, 1e-12);
    }

    [Fact]
    public void Same_set_gives_the_estimators_small_value()
    {
        var expected = MetricFixtures.Expected("fid-kid.json").GetProperty("kidFullSetSame").GetDouble();

        var result = KernelInceptionDistance.Compute(A, A, new KidOptions(Subsets: 2));

        Assert.Equal(expected, result.Mean, 1e-10);
    }

    [Fact]
    public void Seeded_subsets_are_repeatable_and_seed_dependent()
    {
        var options = new KidOptions(Subsets: 20, MaxSubsetSize: 50, Seed: 7);

        var first = KernelInceptionDistance.Compute(A, B, options);
        var second = KernelInceptionDistance.Compute(A, B, options);
        var other = KernelInceptionDistance.Compute(A, B, options with { Seed = 8 });

        Assert.Equal(first, second);
        Assert.NotEqual(first.Mean, other.Mean);
        Assert.True(first.StandardDeviation > 0);
        // Subset means scatter around the full-set value.
        var full = MetricFixtures.Expected("fid-kid.json").GetProperty("kidFullSet").GetDouble();
        Assert.InRange(first.Mean, full - 4 * first.StandardDeviation, full + 4 * first.StandardDeviation);
    }

    [Fact]
    public void NumPy_choice_draws_distinct_indices()
    {
        var drawn = new NumPyRandomState(1).Choice(100, 100);

        Assert.Equal(Enumerable.Range(0, 100), drawn.Order());
    }

    [Fact]
    public void Result_does_not_depend_on_the_thread_count()
    {
        var options = new KidOptions(Subsets: 30, MaxSubsetSize: 100, Seed: 3);

        var parallel = KernelInceptionDistance.Compute(A, B, options);
        KidResult serial;
        using (Parallelism.LimitTo(1))
            serial = KernelInceptionDistance.Compute(A, B, options);

        Assert.Equal(serial, parallel);
    }

    [Fact]
    public void Kernel_values_computed_per_subset_equal_those_cached_for_all_pairs()
    {
        var x = new NumPyRandomState(4).Choice(A.Rows, 60);
        var y = new NumPyRandomState(5).Choice(B.Rows, 60);

        double cached = new KernelValues(A, B).UnbiasedMmd(x, y);
        double perSubset = new KernelValues(A, B, maxCachedEntries: 0).UnbiasedMmd(x, y);

        Assert.Equal(cached, perSubset, 1e-12);
    }
}

