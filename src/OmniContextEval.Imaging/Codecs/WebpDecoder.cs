namespace OmniContextEval.Imaging.Codecs;

/// <summary>
/// WebP through libwebp: decoded to non-premultiplied RGBA as Pillow 9.4's WebPAnimDecoder does for a still
/// image (first frame onto a cleared canvas), then the alpha dropped. Animated files are refused.
/// </summary>
internal static unsafe class WebpDecoder
{
    public static DecodedImage Decode(ReadOnlySpan<byte> data, string name, DecodeOptions options, bool wantAlpha)
    {
        NativeCodecs.WebpFeatures features;
        fixed (byte* input = data)
        {
            var status = NativeCodecs.WebPGetFeatures(input, (nuint)data.Length, &features);
            if (status != 0)
                throw new ImageDecodeException(name, $"libwebp: cannot read the bitstream ({StatusText(status)})");
            if (features.HasAnimation != 0)
                throw new ImageDecodeException(name, "animated WebP is not supported");
            PixelLimit.Check(name, features.Width, features.Height, options);
            var rgba = PixelLimit.Allocate(name, 4L * features.Width * features.Height);
            fixed (byte* output = rgba)
            {
                if (NativeCodecs.WebPDecodeRgbaInto(input, (nuint)data.Length, output, (nuint)rgba.Length, 4 * features.Width) == null)
                    throw new ImageDecodeException(name, "libwebp: the image data is corrupt or truncated");
            }
            var pixels = features.Width * features.Height;
            var rgb = new RgbImage(features.Width, features.Height);
            var alpha = wantAlpha && features.HasAlpha != 0 ? new byte[pixels] : null;
            for (var i = 0; i < pixels; i++)
            {
                rgb.Pixels[3 * i] = rgba[4 * i];
                rgb.Pixels[3 * i + 1] = rgba[4 * i + 1];
                rgb.Pixels[3 * i + 2] = rgba[4 * i + 2];
                if (alpha is not null) alpha[i] = rgba[4 * i + 3];
            }
            return new DecodedImage(rgb, alpha);
        }
    }

    private static string StatusText(int status) => status switch
    {
        1 => "out of memory",
        2 => "invalid parameter",
        3 => "bitstream error",
        4 => "unsupported feature",
        5 => "suspended",
        6 => "user abort",
        7 => "not enough data: truncated file",
        _ => $"status {status}",
    };
}
