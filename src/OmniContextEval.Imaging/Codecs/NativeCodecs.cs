using System.Runtime.InteropServices;
using System.Text;

namespace OmniContextEval.Imaging.Codecs;

/// <summary>
/// P/Invoke surface of the native codecs. libpng and libjpeg report errors with longjmp, which cannot cross
/// P/Invoke, so they are reached through libomnictx_codecs.so (Native/*.c, compiled by the build): a thin
/// layer that keeps every setjmp in C and returns error codes. It drives the libraries exactly as Pillow
/// does (raw PNG samples with no gamma or 16-bit transformation; libjpeg with Pillow's colour-space
/// choice), which libpng's simplified png_image_* API cannot (it applies gAMA and composites alpha).
/// libwebp's decode API returns error codes, so it is called directly.
/// </summary>
internal static unsafe partial class NativeCodecs
{
    public const string ShimLibrary = "libomnictx_codecs.so";
    public const string WebpLibrary = "libwebp.so.7";
    private const string Shim = "omnictx_codecs";
    private const int WebpDecoderAbiVersion = 0x0209;

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

    [LibraryImport(WebpLibrary, EntryPoint = "WebPDecodeRGBAInto")]
    public static partial byte* WebPDecodeRgbaInto(byte* data, nuint size, byte* output, nuint outputSize, int stride);

    /// <summary>The NUL-terminated message a shim call left in its info struct.</summary>
    public static string MessageText(byte* message)
    {
        var length = 0;
        while (length < 256 && message[length] != 0) length++;
        return length == 0 ? "unknown error" : Encoding.UTF8.GetString(message, length);
    }
}
