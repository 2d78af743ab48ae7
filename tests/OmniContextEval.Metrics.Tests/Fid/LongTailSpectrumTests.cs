using System.Text.Json;
using OmniContextEval.Metrics.Fid;
using OmniContextEval.Numerics.LinearAlgebra;
using OmniContextEval.Metrics.Tests.TestSupport;

namespace OmniContextEval.Metrics.Tests.Fid;

/// <summary>
/// FID on network-like covariances (<see cref="LongTailFeatures"/>): a few large eigenvalues and a long tail, so that
/// S1 S2 has hundreds of genuine eigenvalues between 1e-13 and 1e-9 next to a largest of about 6.6e3. Expected values
/// come from pytorch-fid and NumPy on the same bits (tools/fid-kid-references.py) and from MathNet.Numerics
/// (<see cref="MathNetFrechet"/>).
/// </summary>
public class LongTailSpectrumTests
{
    private static readonly JsonElement Expected = MetricFixtures.Expected("long-tail.json");

    public static TheoryData<string> Cases2048 => new() { "full rank, 2100 vs 2100", "mixed, 1500 vs 2100", "rank-deficient, 1500 vs 1200" };

    [Fact]
    public void The_feature_recipe_gives_numpys_bits()
    {
        var c = Case("full rank, 2100 vs 2100");
        var (a, b) = Statistics(c);

        Assert.Equal(c.GetProperty("traceA").GetDouble(), a.CovarianceTrace(), 1e-10);
        Assert.InRange(Math.Abs(MeanDistance(a, b) / c.GetProperty("meanDistanceSquared").GetDouble() - 1), 0, 1e-12);
    }

    [Fact]
    public void Full_rank_2048_d_matches_pytorch_fid_within_1e_6()
    {
        var c = Case("full rank, 2100 vs 2100");
        var (a, b) = Statistics(c);

        double value = FrechetDistance.Compute(a, b).Value;

        Assert.InRange(Relative(value, c.GetProperty("fidPytorchFid").GetDouble()), 0, 1e-6);
        Assert.InRange(Relative(value, c.GetProperty("fidEigvals").GetDouble()), 0, 1e-8);
    }

    [Theory]
    [MemberData(nameof(Cases2048))]
    public void Matches_the_MathNet_oracle_within_1e_9(string name)
    {
        var (a, b) = Statistics(Case(name));
        int rank1 = RankBound(a), rank2 = RankBound(b);

        double trace = SqrtProductTrace.Compute(a.Covariance, b.Covariance, a.Dimension, rank1, rank2);
        double oracle = MathNetFrechet.SqrtProductTrace(a.Covariance, b.Covariance, a.Dimension, rank1, rank2);
        double fid = FrechetDistance.Compute(a, b).Value;
        double oracleFid = MeanDistance(a, b) + a.CovarianceTrace() + b.CovarianceTrace() - 2 * oracle;

        Assert.True(Relative(fid, oracleFid) <= 1e-9, $"FID {fid:R} vs MathNet {oracleFid:R} (Tr sqrt {trace:R} vs {oracle:R})");
    }

    [Theory]
    [MemberData(nameof(Cases2048))]
    public void Every_case_agrees_with_pytorch_fid_up_to_its_rounding_noise(string name)
    {
        // pytorch-fid's sqrtm turns the exact zero eigenvalues of a rank-deficient product into square roots of
        // rounding noise (its eigh and eigvals forms differ from it by 2e-6 there); the harness counts them as zero.
        var c = Case(name);
        var (a, b) = Statistics(c);

        double value = FrechetDistance.Compute(a, b).Value;

        Assert.True(Relative(value, c.GetProperty("fidPytorchFid").GetDouble()) <= 1e-5, $"FID {value:R}");
    }

    [Fact]
    public void Identical_long_tail_sets_give_zero_up_to_rounding()
    {
        var (a, _) = Statistics(Case("full rank, 2100 vs 2100"));

        double value = FrechetDistance.Compute(a, a).Value;

        Assert.InRange(Math.Abs(value), 0, 1e-9 * a.CovarianceTrace());
    }

    private static JsonElement Case(string name) =>
        Expected.GetProperty("fid").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static readonly Dictionary<string, (FeatureStatistics, FeatureStatistics)> Cache = [];

    /// <summary>The statistics of a case's two sets, built once per test run.</summary>
    internal static (FeatureStatistics A, FeatureStatistics B) Statistics(JsonElement c)
    {
        var name = c.GetProperty("name").GetString()!;
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var pair))
                Cache[name] = pair = (FeatureStatistics.Of(LongTailFeatures.ForCase(c, "A")), FeatureStatistics.Of(LongTailFeatures.ForCase(c, "B")));
            return pair;
        }
    }

    private static int RankBound(FeatureStatistics s) => (int)Math.Min(s.Count - 1, s.Dimension);

    private static double MeanDistance(FeatureStatistics a, FeatureStatistics b) =>
        a.Mean.Zip(b.Mean, (x, y) => (x - y) * (x - y)).Sum();

    private static double Relative(double value, double expected) => Math.Abs(value - expected) / Math.Abs(expected);
}
