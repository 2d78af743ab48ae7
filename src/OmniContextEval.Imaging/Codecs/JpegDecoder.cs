namespace OmniContextEval.Imaging.Codecs;

/// <summary>
/// JPEG through libjpeg-turbo (the same libjpeg.so.62 Pillow links), converted as Pillow 9.4 does: grey
/// replicated, RGB as decoded, CMYK read as Adobe-inverted ("CMYK;I", which Pillow assumes for every CMYK
/// JPEG) and turned into RGB with Pillow's <c>cmyk2rgb</c>.
/// </summary>
internal static unsafe class JpegDecoder
{
    public static DecodedImage Decode(ReadOnlySpan<byte> data, string name, DecodeOptions options)
    {
        NativeCodecs.JpegInfo info;
        fixed (byte* input = data)
        {
            if (NativeCodecs.JpegDecode(input, (nuint)data.Length, &info, null, 0) != 0)
                throw new ImageDecodeException(name, NativeCodecs.MessageText(info.Message));
            PixelLimit.Check(name, info.Width, info.Height, options, bytesPerPixel: info.Components);
            var components = info.Components;
            var raw = PixelLimit.Allocate(name, (long)info.Width * info.Height * components);
            fixed (byte* pixels = raw)
            {
                if (NativeCodecs.JpegDecode(input, (nuint)data.Length, &info, pixels, (nuint)raw.Length) != 0)
                    throw new ImageDecodeException(name, NativeCodecs.MessageText(info.Message));
            }
            return new DecodedImage(ToPillowRgb(raw, info.Width, info.Height, components), null);
        }
    }

    private static RgbImage ToPillowRgb(byte[] raw, int width, int height, int components)
    {
        if (components == 3) return new RgbImage(width, height, raw);
        var rgb = new RgbImage(width, height);
        var output = rgb.Pixels;
        var pixels = width * height;
        if (components == 1)
        {
            for (var i = 0; i < pixels; i++)
                output[3 * i] = output[3 * i + 1] = output[3 * i + 2] = raw[i];
            return rgb;
        }
        for (var i = 0; i < pixels; i++)
        {
            var notBlack = raw[4 * i + 3];                 // 255 - k after Pillow's inversion
            for (var c = 0; c < 3; c++)
            {
                var ink = 255 - raw[4 * i + c];
                output[3 * i + c] = (byte)Math.Clamp(notBlack - MulDiv255(ink, notBlack), 0, 255);
            }
        }
        return rgb;
    }

    /// <summary>Pillow's MULDIV255: a * b / 255 rounded, in integers.</summary>
    private static int MulDiv255(int a, int b)
    {
        var t = a * b + 128;
        return ((t >> 8) + t) >> 8;
    }
}
