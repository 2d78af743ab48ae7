using OmniContextEval.Generation.Noise;

namespace OmniContextEval.Generation.Tests.Noise;

public class GaussianNoiseTests
{
    [Fact]
    public void Has_standard_normal_moments()
    {
        var z = GaussianNoise.Create(1 << 20, 7, "case-a");
        var mean = z.Average(v => (double)v);
        var variance = z.Average(v => (double)v * v) - mean * mean;
        var kurtosis = z.Average(v => Math.Pow(v - mean, 4)) / (variance * variance);
        Assert.InRange(mean, -0.005, 0.005);
        Assert.InRange(variance, 0.99, 1.01);
        Assert.InRange(kurtosis, 2.95, 3.05);
    }

    [Fact]
    public void Any_slice_equals_the_same_elements_of_the_whole_stream()
    {
        var whole = GaussianNoise.Create(200_001, 3, "case-b");
        var slice = new float[1001];
        GaussianNoise.Fill(slice, 3, "case-b", offset: 131_069);
        Assert.Equal(whole.AsSpan(131_069, 1001).ToArray(), slice);
    }

    [Fact]
    public void Seed_and_case_each_change_the_stream()
    {
        var a = GaussianNoise.Create(64, 0, "case-a");
        Assert.NotEqual(a, GaussianNoise.Create(64, 1, "case-a"));
        Assert.NotEqual(a, GaussianNoise.Create(64, 0, "case-b"));
        Assert.Equal(a, GaussianNoise.Create(64, 0, "case-a"));
    }

    [Fact]
    public void Stream_hash_is_fnv1a_64()
    {
        Assert.Equal(0xCBF29CE484222325UL, GaussianNoise.StreamHash(""));
        Assert.Equal(0xAF63DC4C8601EC8CUL, GaussianNoise.StreamHash("a"));
    }
}
