using OmniContextEval.Imaging.Codecs;

namespace OmniContextEval.Imaging.Tests.Codecs;

/// <summary>Broken files of every kind give an <see cref="ImageDecodeException"/> naming the file; oversized ones before any pixel buffer exists.</summary>
public class BadInputTests
{
    public static TheoryData<string> Representatives() => new(CorruptImages.Representatives);

    /// <summary>Files whose header can say zero: VP8L and VP8X WebP store each side minus one.</summary>
    public static TheoryData<string> ZeroExpressible() =>
        new(CorruptImages.Representatives.Where(f => !f.EndsWith(".webp", StringComparison.Ordinal) || f == "webp_lossy.webp"));

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
    public void Every_truncation_fails_cleanly(string file)
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
    public void Wrong_magic_number_is_named(string file)
    {
        var data = CorruptImages.Read(file);
        data[0] ^= 0x55;
        Assert.Contains("magic number", DecodeFails(data, file).Reason);
    }

    [Theory]
    [MemberData(nameof(ZeroExpressible))]
    public void Zero_sized_header_is_refused(string file)
    {
        foreach (var (w, h) in new[] { (0L, 7L), (13L, 0L), (0L, 0L) })
        {
            var reason = DecodeFails(CorruptImages.WithSize(file, w, h), file).Reason;
            Assert.Contains("empty image", reason);
        }
    }

    [Theory]
    [MemberData(nameof(Representatives))]
    public void Huge_dimensions_are_refused_before_allocating(string file)
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

    /// <summary>
    /// Each codec checks the size its native library reads, not only the managed header check in front of it.
    /// (A VP8X canvas that disagrees with its frame is already refused by libwebp as a bitstream error.)
    /// </summary>
    [Theory]
    [MemberData(nameof(Representatives))]
    public void Each_codec_refuses_huge_headers_on_its_own(string file)
    {
        var (w, h) = Path.GetExtension(file) switch { ".png" => (100_000, 100_000), ".jpg" => (60_000, 60_000), _ => (16383, 16383) };
        var data = CorruptImages.WithSize(file, w, h);
        var canvasOnly = System.Text.Encoding.ASCII.GetString(data, 12, 4) == "VP8X";
        var options = DecodeOptions.PillowCompatible;
        Action decode = Path.GetExtension(file) switch
        {
            ".png" => () => PngDecoder.Decode(data, file, options, wantAlpha: false),
            ".jpg" => () => JpegDecoder.Decode(data, file, options),
            _ => () => WebpDecoder.Decode(data, file, options, wantAlpha: false),
        };
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ImageDecodeException>(decode);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, $"{file}: pixels allocated before refusing");
        Assert.True(error.Reason.Contains("exceeds the limit") || (canvasOnly && error.Reason.Contains("bitstream error")), error.Reason);
        Assert.Equal(file, error.ImagePath);
    }

    [Theory]
    [MemberData(nameof(Representatives))]
    public void Configurable_limit_refuses_small_images(string file)
    {
        var reason = DecodeFails(CorruptImages.Read(file), file, new DecodeOptions { MaxPixels = 50 }).Reason;
        Assert.Contains("exceeds the limit of 50 pixels", reason);
    }

    [Fact]
    public void Unlimited_options_still_refuse_what_one_array_cannot_hold()
    {
        var data = CorruptImages.WithSize("png_rgb8.png", 1 << 30, 1 << 30);
        Assert.Contains("too large", DecodeFails(data, "huge.png", new DecodeOptions { MaxPixels = long.MaxValue }).Reason);
    }

    [Fact]
    public void Empty_missing_and_directory_paths_are_named()
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
