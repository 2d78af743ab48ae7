using OmniContextEval.Imaging.Codecs;

namespace OmniContextEval.Imaging.Tests.Codecs;

/// <summary>Broken files of every kind give an <see cref="ImageDecodeException"/> naming the file, before any pixel buffer exists.</summary>
public class BadInputTests
{
    public static TheoryData<string> Representatives() => new(CorruptImages.Representatives);

    private static ImageDecodeException DecodeFails(byte[] data, string name, DecodeOptions? options = null)
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(data, name, options));
        Assert.Equal(name, error.ImagePath);
        Assert.StartsWith(name + ": ", error.Message);
        return error;
    }

    /// <summary>
    /// As in Pillow, a JPEG or WebP cut anywhere (even inside the final EOI marker) fails; a PNG may lose only its
    /// 12-byte IEND chunk. (Pillow also reads PNGs whose last IDAT lost its CRC; libpng refuses those.)
    /// </summary>
    [Theory]
    [MemberData(nameof(Representatives))]
    public void EveryTruncationFailsCleanly(string file)
    {
        var data = CorruptImages.Read(file);
        var name = "truncated-" + file;
        var mayLose = file.EndsWith(".png", StringComparison.Ordinal) ? 12 : 0;
        for (var length = 0; length < data.Length; length++)
        {
            try
            {
                ImageDecoder.Decode(data.AsSpan(0, length), name);
                Assert.True(length >= data.Length - mayLose, $"{file} cut to {length} of {data.Length} bytes decoded without error");
            }
            catch (ImageDecodeException e) when (e.ImagePath == name) { }
        }
    }

    [Theory]
    [MemberData(nameof(Representatives))]
    public void WrongMagicNumberIsNamed(string file)
    {
        var data = CorruptImages.Read(file);
        data[0] ^= 0x55;
        Assert.Contains("magic number", DecodeFails(data, file).Reason);
    }

    [Theory]
    [MemberData(nameof(Representatives))]
    public void ZeroSizedHeaderIsRefused(string file)
    {
        foreach (var (w, h) in new[] { (0L, 7L), (13L, 0L), (0L, 0L) })
        {
            if (file.EndsWith(".webp") && file != "webp_lossy.webp") continue; // VP8L and VP8X store size minus one: zero is not expressible
            var reason = DecodeFails(CorruptImages.WithSize(file, w, h), file).Reason;
            Assert.Contains("empty image", reason);
        }
    }

    [Theory]
    [MemberData(nameof(Representatives))]
    public void HugeDimensionsAreRefusedBeforeAllocating(string file)
    {
        var (w, h) = Path.GetExtension(file) switch { ".png" => (int.MaxValue, int.MaxValue), ".jpg" => (65535, 65535), _ => (16383, 16383) };
        var data = CorruptImages.WithSize(file, w, h);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var reason = DecodeFails(data, file).Reason;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("exceeds the limit", reason);
        Assert.True(allocated < 1 << 20, $"{file}: {allocated} bytes allocated before refusing {w}x{h}");
        var info = ImageDecoder.ReadInfo(WriteTemp(data, file)); // the header alone: callers can check sizes without decoding
        Assert.Equal((w, h), (info.Width, info.Height));
    }

    [Theory]
    [MemberData(nameof(Representatives))]
    public void ConfigurableLimitRefusesSmallImages(string file)
    {
        var reason = DecodeFails(CorruptImages.Read(file), file, new DecodeOptions { MaxPixels = 50 }).Reason;
        Assert.Contains("exceeds the limit of 50 pixels", reason);
    }

    [Fact]
    public void UnlimitedOptionsStillRefuseWhatOneArrayCannotHold()
    {
        var data = CorruptImages.WithSize("png_rgb8.png", 1 << 30, 1 << 30);
        Assert.Contains("too large", DecodeFails(data, "huge.png", new DecodeOptions { MaxPixels = long.MaxValue }).Reason);
    }

    [Fact]
    public void EmptyMissingAndDirectoryPathsAreNamed()
    {
        var dir = OmniContextEval.Testing.TestPaths.NewTempDir();
        var empty = Path.Combine(dir, "empty.png");
        File.WriteAllBytes(empty, []);
        foreach (var path in new[] { empty, Path.Combine(dir, "missing.jpg"), dir })
        {
            Assert.Equal(path, Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(path)).ImagePath);
            Assert.Equal(path, Assert.Throws<ImageDecodeException>(() => ImageDecoder.ReadInfo(path)).ImagePath);
        }
        DecodeFails([], "empty-buffer");
    }

    private static string WriteTemp(byte[] data, string file)
    {
        var path = Path.Combine(OmniContextEval.Testing.TestPaths.NewTempDir(), file);
        File.WriteAllBytes(path, data);
        return path;
    }
}
