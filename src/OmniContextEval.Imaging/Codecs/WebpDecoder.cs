namespace OmniContextEval.Imaging.Codecs;

/// <summary>
/// WebP as Pillow 9.4 reads it: libwebpdemux's animation decoder with default options renders the first frame
/// onto a cleared canvas as straight (non-premultiplied) RGBA; the alpha is then dropped. Animated files give
/// their first frame, as <c>Image.open</c> does.
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
            PixelLimit.Check(name, features.Width, features.Height, options); // before the decoder allocates its canvas
            var webp = new NativeCodecs.WebpData { Bytes = input, Size = (nuint)data.Length };
            var decoder = NativeCodecs.WebPAnimDecoderNew(&webp);
            if (decoder == 0)
                throw new ImageDecodeException(name, "libwebp: the container is corrupt or truncated");
            try
            {
                NativeCodecs.WebpAnimInfo info;
                if (NativeCodecs.WebPAnimDecoderGetInfo(decoder, &info) == 0)
                    throw new ImageDecodeException(name, "libwebp: cannot read the canvas size");
                PixelLimit.Check(name, info.CanvasWidth, info.CanvasHeight, options);
                byte* canvas;
                int timestamp;
                if (NativeCodecs.WebPAnimDecoderGetNext(decoder, &canvas, &timestamp) == 0)
                    throw new ImageDecodeException(name, "libwebp: the image data is corrupt or truncated");
                return Split(new ReadOnlySpan<byte>(canvas, checked((int)(4 * info.CanvasWidth * info.CanvasHeight))),
                    (int)info.CanvasWidth, (int)info.CanvasHeight, wantAlpha && features.HasAlpha != 0);
            }
            finally
            {
                NativeCodecs.WebPAnimDecoderDelete(decoder);
            }
        }
    }

    private static DecodedImage Split(ReadOnlySpan<byte> rgba, int width, int height, bool wantAlpha)
    {
        var rgb = new RgbImage(width, height);
        var alpha = wantAlpha ? new byte[width * height] : null;
        var pixels = rgb.Pixels;
        for (var i = 0; i < width * height; i++)
        {
            rgba.Slice(4 * i, 3).CopyTo(pixels.AsSpan(3 * i));
            if (alpha is not null) alpha[i] = rgba[4 * i + 3];
        }
        return new DecodedImage(rgb, alpha);
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
