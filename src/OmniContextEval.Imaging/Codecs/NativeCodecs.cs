using System.Runtime.InteropServices;
using System.Text;

namespace OmniContextEval.Imaging.Codecs;

/// <summary>
/// P/Invoke surface of the native codecs. libpng and libjpeg report errors with longjmp, which cannot cross
/// P/Invoke, so they are reached through libomnictx_codecs.so (Native/*.c, compiled by the build): a thin
/// layer that keeps every setjmp in C and returns error codes. It drives the libraries exactly as Pillow
/// does (raw PNG samples with no gamma or 16-bit transformation; libjpeg with Pillow's colour-space
/// choice), which libpng's simplified png_image_* API cannot (it applies gAMA and composites alpha).
/// libwebp reports errors by return value, so it is called directly, through the same animation decoder
/// (libwebpdemux's WebPAnimDecoder, default options: straight RGBA) that Pillow 9.4 uses for every WebP.
/// </summary>
internal static unsafe partial class NativeCodecs
{
    public const string ShimLibrary = "libomnictx_codecs.so";
    public const string WebpLibrary = "libwebp.so.7";
    public const string WebpDemuxLibrary = "libwebpdemux.so.2";
    private const string Shim = "omnictx_codecs";
    private const int WebpDecoderAbiVersion = 0x0209;
    private const int WebpDemuxAbiVersion = 0x0107;

    /// <summary>Mirror of omc_png_info in Native/omnictx_codecs.h.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PngInfo
    {
        public int Width, Height, BitDepth, ColorType, Interlaced, Channels;
        public long RowBytes;
        public int PaletteCount;
        public fixed byte Palette[768];
        public int TransparencyCount;
        public fixed byte TransparencyAlpha[256];
        public int HasTransparentColor;
        public ushort TransparentGray, TransparentRed, TransparentGreen, TransparentBlue;
        public fixed byte Message[256];
    }

    /// <summary>Mirror of omc_jpeg_info in Native/omnictx_codecs.h.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct JpegInfo
    {
        public int Width, Height, Components, JpegColorSpace, Progressive;
        public fixed byte Message[256];
    }

    /// <summary>Mirror of libwebp's WebPBitstreamFeatures.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct WebpFeatures
    {
        public int Width, Height, HasAlpha, HasAnimation, Format;
        public fixed uint Pad[5];
    }

    [LibraryImport(Shim, EntryPoint = "omc_png_decode")]
    public static partial int PngDecode(byte* data, nuint size, PngInfo* info, byte* pixels, nuint pixelsSize);

    [LibraryImport(Shim, EntryPoint = "omc_jpeg_decode")]
    public static partial int JpegDecode(byte* data, nuint size, JpegInfo* info, byte* pixels, nuint pixelsSize);

    [LibraryImport(Shim, EntryPoint = "omc_png_info_size")]
    public static partial nuint PngInfoSize();

    [LibraryImport(Shim, EntryPoint = "omc_jpeg_info_size")]
    public static partial nuint JpegInfoSize();

    [LibraryImport(WebpLibrary, EntryPoint = "WebPGetFeaturesInternal")]
    private static partial int WebPGetFeaturesInternal(byte* data, nuint size, WebpFeatures* features, int abiVersion);

    /// <summary>Reads a WebP bitstream's features; returns libwebp's VP8StatusCode (0 = OK).</summary>
    public static int WebPGetFeatures(byte* data, nuint size, WebpFeatures* features) =>
        WebPGetFeaturesInternal(data, size, features, WebpDecoderAbiVersion);

    /// <summary>Mirror of libwebp's WebPData.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct WebpData
    {
        public byte* Bytes;
        public nuint Size;
    }

    /// <summary>Mirror of libwebpdemux's WebPAnimInfo.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct WebpAnimInfo
    {
        public uint CanvasWidth, CanvasHeight, LoopCount, BackgroundColor, FrameCount;
        public fixed uint Pad[4];
    }

    [LibraryImport(WebpDemuxLibrary, EntryPoint = "WebPAnimDecoderNewInternal")]
    private static partial nint WebPAnimDecoderNewInternal(WebpData* data, void* options, int abiVersion);

    /// <summary>A decoder with default options (straight RGBA, one thread), or 0 when the container is invalid.</summary>
    public static nint WebPAnimDecoderNew(WebpData* data) => WebPAnimDecoderNewInternal(data, null, WebpDemuxAbiVersion);

    [LibraryImport(WebpDemuxLibrary, EntryPoint = "WebPAnimDecoderGetInfo")]
    public static partial int WebPAnimDecoderGetInfo(nint decoder, WebpAnimInfo* info);

    /// <summary>Decodes the next frame onto the canvas; <paramref name="canvas"/> stays owned by the decoder until the next call or Delete.</summary>
    [LibraryImport(WebpDemuxLibrary, EntryPoint = "WebPAnimDecoderGetNext")]
    public static partial int WebPAnimDecoderGetNext(nint decoder, byte** canvas, int* timestamp);

    [LibraryImport(WebpDemuxLibrary, EntryPoint = "WebPAnimDecoderDelete")]
    public static partial void WebPAnimDecoderDelete(nint decoder);

    /// <summary>The NUL-terminated message a shim call left in its info struct.</summary>
    public static string MessageText(byte* message)
    {
        var length = 0;
        while (length < 256 && message[length] != 0) length++;
        return length == 0 ? "unknown error" : Encoding.UTF8.GetString(message, length);
    }
}
