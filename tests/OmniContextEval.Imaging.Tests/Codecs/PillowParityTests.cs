namespace OmniContextEval.Imaging.Tests.Codecs;

/// <summary>Every corpus file decodes to exactly the bytes Pillow 9.4 gives (tools/make-image-corpus.py).</summary>
public class PillowParityTests
{
    public static TheoryData<string, string> Expectations()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in ImageCorpus.All) data.Add(e.File, e.Variant);
        return data;
    }

    [Theory]
    [MemberData(nameof(Expectations))]
    public void Decode_equals_pillow(string file, string variant)
    {
        var expected = ImageCorpus.All.Single(e => e.File == file && e.Variant == variant);
        var image = ImageDecoder.Decode(expected.Path, expected.Options);
        Assert.True(image.Width == expected.Width && image.Height == expected.Height,
            $"{file} ({variant}): size {image.Width}x{image.Height}, Pillow {expected.Width}x{expected.Height}");
        var difference = FirstDifference(expected.Rgb, image.Pixels, image.Width);
        Assert.True(difference is null, $"{file} ({variant}): {difference}");
    }

    [Fact]
    public void Every_corpus_file_has_an_expectation()
    {
        var covered = ImageCorpus.All.Select(e => e.File).ToHashSet();
        Assert.DoesNotContain(ImageCorpus.Files, f => !covered.Contains(f));
        Assert.True(ImageCorpus.All.Count >= 60, $"only {ImageCorpus.All.Count} expectations");
    }

    [Fact]
    public void Read_info_agrees_with_pillow_sizes()
    {
        foreach (var e in ImageCorpus.All.Where(e => e.Variant == "rgb"))
        {
            var info = ImageDecoder.ReadInfo(e.Path);
            Assert.Equal(info with { Path = e.File }, ImageDecoder.ReadInfo(File.ReadAllBytes(e.Path), e.File));
            Assert.True((info.Width, info.Height) == (e.Width, e.Height), $"{e.File}: ReadInfo {info.Width}x{info.Height}, Pillow {e.Width}x{e.Height}");
            var extension = System.IO.Path.GetExtension(e.File);
            Assert.Equal(extension switch { ".png" => ImageFormat.Png, ".jpg" => ImageFormat.Jpeg, _ => ImageFormat.Webp }, info.Format);
        }
    }

    /// <summary>Null when equal, else how many pixels differ and the first one, with both colours.</summary>
    private static string? FirstDifference(byte[] expected, byte[] actual, int width)
    {
        int count = 0, first = -1;
        for (var p = 0; p < expected.Length / 3; p++)
        {
            if (expected.AsSpan(3 * p, 3).SequenceEqual(actual.AsSpan(3 * p, 3))) continue;
            if (count++ == 0) first = p;
        }
        if (count == 0) return null;
        string Colour(byte[] b) => $"({b[3 * first]}, {b[3 * first + 1]}, {b[3 * first + 2]})";
        return $"{count} of {expected.Length / 3} pixels differ; first at x={first % width}, y={first / width}: Pillow {Colour(expected)}, decoded {Colour(actual)}";
    }
}
