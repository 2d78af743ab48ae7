using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;

namespace OmniContextEval.Imaging.Tests.Codecs;

/// <summary>One expected output of tools/make-image-corpus.py: a corpus file, how it was read, and Pillow's RGB bytes.</summary>
public sealed record CorpusExpectation(string File, string Variant, int Width, int Height, string Sha256, byte[] Rgb)
{
    public string Path => TestPaths.Fixture("images", "corpus", File);

    /// <summary>The decode options that reproduce this variant ("rgb", "exif", "over-rrggbb").</summary>
    public DecodeOptions Options => Variant switch
    {
        "rgb" => DecodeOptions.PillowCompatible,
        "exif" => new DecodeOptions { ApplyExifOrientation = true },
        _ when Variant.StartsWith("over-", StringComparison.Ordinal) => new DecodeOptions { CompositeAlphaOver = ParseColour(Variant[5..]) },
        _ => throw new InvalidDataException($"expected.tsv: unknown variant '{Variant}' for {File}"),
    };

    private static (byte, byte, byte) ParseColour(string hex)
    {
        var v = Convert.FromHexString(hex);
        return (v[0], v[1], v[2]);
    }
}

/// <summary>Reads tests/fixtures/images/expected.tsv and expected-rgb.gz (written by tools/make-image-corpus.py).</summary>
public static class ImageCorpus
{
    private static readonly Lazy<IReadOnlyList<CorpusExpectation>> Loaded = new(Load);

    public static IReadOnlyList<CorpusExpectation> All => Loaded.Value;

    public static IEnumerable<string> Files => Directory.GetFiles(TestPaths.Fixture("images", "corpus")).Select(System.IO.Path.GetFileName).Order()!;

    private static IReadOnlyList<CorpusExpectation> Load()
    {
        var dir = TestPaths.Fixture("images");
        using var gz = new GZipStream(File.OpenRead(System.IO.Path.Combine(dir, "expected-rgb.gz")), CompressionMode.Decompress);
        var result = new List<CorpusExpectation>();
        foreach (var line in File.ReadLines(System.IO.Path.Combine(dir, "expected.tsv")))
        {
            if (line.StartsWith('#') || line.StartsWith("name\t", StringComparison.Ordinal) || line.Length == 0) continue;
            var f = line.Split('\t');
            int width = int.Parse(f[2], CultureInfo.InvariantCulture), height = int.Parse(f[3], CultureInfo.InvariantCulture);
            var rgb = new byte[width * height * 3];
            gz.ReadExactly(rgb);
            if (Convert.ToHexStringLower(SHA256.HashData(rgb)) != f[4])
                throw new InvalidDataException($"expected-rgb.gz does not match the sha256 in expected.tsv for {f[0]} ({f[1]}); rerun tools/make-image-corpus.py");
            result.Add(new CorpusExpectation(f[0], f[1], width, height, f[4], rgb));
        }
        return result;
    }
}
