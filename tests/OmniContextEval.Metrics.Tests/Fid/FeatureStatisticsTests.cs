using OmniContextEval.Metrics.Fid;
using OmniContextEval.Numerics.LinearAlgebra;
using OmniContextEval.Metrics.Numerics;
using OmniContextEval.Metrics.Tests.TestSupport;

namespace OmniContextEval.Metrics.Tests.Fid;

public class FeatureStatisticsTests
{
    [Fact]
    public void Mean_and_covariance_match_numpy_cov_with_ddof_1()
    {
        var expected = MetricFixtures.Expected("fid-kid.json");
        var stats = FeatureStatistics.Of(MetricFixtures.Features("fid-features-a.npy"));

        Assert.Equal(expected.GetProperty("mu0A").GetDouble(), stats.Mean[0], 1e-12);
        Assert.Equal(expected.GetProperty("sigma01A").GetDouble(), stats.CovarianceAt(0, 1), 1e-12);
        Assert.Equal(expected.GetProperty("traceSigmaA").GetDouble(), stats.CovarianceTrace(), 1e-10);
    }

    [Fact]
    public void Result_is_bit_identical_however_rows_are_batched_and_for_any_thread_count()
    {
        // More rows than one buffer of the accumulator, so that several rank-k updates are summed.
        var rng = new Random(9);
        int d = 200, n = 2 * FeatureStatisticsAccumulator.BufferRows + 37;
        var rows = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => 5 + (float)rng.NextDouble()).ToArray()).ToList();

        var whole = FeatureStatistics.Of(FeatureMatrix.FromRows(rows, d));
        var streamed = new FeatureStatisticsAccumulator(d);
        foreach (var chunk in rows.Chunk(45))
            foreach (var row in chunk)
                streamed.Add(row);
        FeatureStatistics serial;
        using (Parallelism.LimitTo(1))
            serial = FeatureStatistics.Of(FeatureMatrix.FromRows(rows, d));

        Assert.Equal(whole.Covariance, streamed.ToStatistics().Covariance);
        Assert.Equal(whole.Covariance, serial.Covariance);
        Assert.Equal(whole.Mean, serial.Mean);
        Assert.Equal(whole.CovarianceAt(3, 160), whole.CovarianceAt(160, 3));
    }

    [Fact]
    public void Large_common_offset_does_not_cancel()
    {
        // Features 1e4 + small noise: a naive sum-of-squares would lose the variance in float64 rounding.
        var rng = new Random(3);
        var rows = Enumerable.Range(0, 500).Select(_ => new[] { 1e4f + (float)rng.NextDouble(), 1e4f + (float)rng.NextDouble() }).ToList();
        var stats = FeatureStatistics.Of(FeatureMatrix.FromRows(rows, 2));
        double mean = rows.Average(r => (double)r[0]);
        double variance = rows.Sum(r => (r[0] - mean) * (r[0] - mean)) / (rows.Count - 1);

        Assert.Equal(variance, stats.CovarianceAt(0, 0), 1e-9);
    }

    [Fact]
    public void Statistics_round_trip_through_npz()
    {
        var stats = FeatureStatistics.Of(MetricFixtures.Features("fid-features-b.npy"));
        var path = Path.Combine(TestPaths.NewTempDir(), "b.npz");

        StatisticsFile.Save(path, stats);
        var loaded = StatisticsFile.Load(path);

        Assert.Equal(stats.Mean, loaded.Mean);
        Assert.Equal(stats.Covariance, loaded.Covariance);
        Assert.Equal(stats.Count, loaded.Count);
    }

    [Fact]
    public void Reads_statistics_written_by_numpy_savez()
    {
        var stats = FeatureStatistics.Of(MetricFixtures.Features("fid-features-a.npy"));

        var numpy = StatisticsFile.Load(TestPaths.Fixture("metrics", "fid-stats-a.npz"));

        Assert.Equal(stats.Dimension, numpy.Dimension);
        for (int i = 0; i < stats.Covariance.Length; i++)
            Assert.Equal(numpy.Covariance[i], stats.Covariance[i], 1e-12);
        Assert.Equal(0, numpy.Count);
    }

    [Fact]
    public void Corrupt_statistics_file_is_a_clear_error()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "bad.npz");
        File.WriteAllText(path, "not a zip");

        var e = Assert.Throws<Core.HarnessException>(() => StatisticsFile.Load(path));
        Assert.Contains(path, e.Message);
    }
}
