using OmniContextEval.Imaging.Npy;

namespace OmniContextEval.Imaging.Tests.Npy;

public class NpyFloat64Tests
{
    [Fact]
    public void Float64_round_trips_bit_exactly()
    {
        double[] data = [1.5, -0.1, double.Epsilon, 1e300];
        var array = NpyReader.Parse(NpyWriter.Float64(data, [2, 2]), "mem");
        Assert.Equal(NpyElementType.Float64, array.ElementType);
        Assert.Equal(data, array.AsFloat64().ToArray());
    }

    [Fact]
    public void Reads_numpy_float64_from_the_statistics_fixture()
    {
        // fid-stats-a.npz holds NumPy-written float64 arrays; the zip is stored uncompressed, so read mu.npy from it.
        using var zip = System.IO.Compression.ZipFile.OpenRead(TestPaths.Fixture("metrics", "fid-stats-a.npz"));
        using var stream = zip.GetEntry("mu.npy")!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var mu = NpyReader.Parse(copy.ToArray(), "mu.npy");
        Assert.Equal([48], mu.Shape);
        Assert.Equal(48, mu.AsFloat64().Length);
    }
}
