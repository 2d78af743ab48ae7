using System.Runtime.CompilerServices;
using OmniContextEval.Imaging.Codecs;

namespace OmniContextEval.Imaging.Tests.Codecs;

public class NativeCodecsTests
{
    [Fact]
    public void Struct_mirrors_match_the_codec_layer()
    {
        Assert.Equal((nuint)Unsafe.SizeOf<NativeCodecs.PngInfo>(), NativeCodecs.PngInfoSize());
        Assert.Equal((nuint)Unsafe.SizeOf<NativeCodecs.JpegInfo>(), NativeCodecs.JpegInfoSize());
    }

    [Fact]
    public void Doctor_probes_every_library_the_decoders_load_and_finds_them()
    {
        var statuses = NativeImageLibraries.Probe();
        Assert.Equal(["libpng16.so.16", "libjpeg.so.62", "libwebp.so.7", "libwebpdemux.so.2", "libomnictx_codecs.so"], statuses.Select(s => s.FileName));
        Assert.All(statuses, s => Assert.True(s.Found, s.Error));
    }

    [Fact]
    public void Missing_library_is_reported_with_the_fix()
    {
        var status = Assert.Single(NativeImageLibraries.Probe([("codec layer", "libomnictx-no-such-library.so")]));
        Assert.False(status.Found);
        Assert.Contains("libomnictx-no-such-library.so cannot be loaded", status.Error);
        Assert.Contains("tools/setup.sh", status.Error);
    }
}
