using OmniContextEval.Metrics.Numerics;
using OmniContextEval.Metrics.Tests.TestSupport;
using OmniContextEval.Testing;

namespace OmniContextEval.Metrics.Tests.Numerics;

public class NpyFileTests
{
    [Fact]
    public void Reads_numpy_float32_and_uint8_arrays()
    {
        var features = NpyFile.Read(TestPaths.Fixture("metrics", "fid-features-a.npy"));
        var pixels = NpyFile.Read(TestPaths.Fixture("metrics", "pixel-pair-0-a.npy"));

        Assert.Equal([256, 48], features.Shape);
        Assert.Equal(256 * 48, features.Float32!.Length);
        Assert.Equal([40, 56, 3], pixels.Shape);
    }

    [Fact]
    public void Float64_round_trips_bit_exactly()
    {
        var array = NpyArray.Of([1.5, -0.1, double.Epsilon, 1e300], 2, 2);

        var back = NpyFile.Read(NpyFile.Write(array), "mem");

        Assert.Equal(array.Float64, back.Float64);
        Assert.Equal(array.Shape, back.Shape);
    }

    [Fact]
    public void Truncated_file_is_a_clear_error()
    {
        var bytes = NpyFile.Write(NpyArray.Of(new double[10], 10))[..140];

        Assert.Contains("10 elements", Assert.Throws<Core.HarnessException>(() => NpyFile.Read(bytes, "cut.npy")).Message);
    }
}
