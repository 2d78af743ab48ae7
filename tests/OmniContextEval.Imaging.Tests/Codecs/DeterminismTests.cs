using System.Security.Cryptography;

namespace OmniContextEval.Imaging.Tests.Codecs;

public class DeterminismTests
{
    [Fact]
    public void Parallel_decodes_give_the_same_bytes_as_sequential_ones()
    {
        var files = ImageCorpus.All.Where(e => e.Variant == "rgb").Select(e => e.Path).ToArray();
        var sequential = files.Select(Hash).ToArray();
        var parallel = new string[files.Length * 4];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Hash(files[i % files.Length]));
        Assert.Equal(Enumerable.Repeat(sequential, 4).SelectMany(h => h), parallel);
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(ImageDecoder.Decode(path).Pixels));
}
