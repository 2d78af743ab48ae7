namespace OmniContextEval.Imaging.Codecs;

/// <summary>PNG through libpng (raw samples), converted as Pillow 9.4's PngImagePlugin + <c>convert("RGB")</c> do.</summary>
internal static unsafe class PngDecoder
{
    public static DecodedImage Decode(ReadOnlySpan<byte> data, string name, DecodeOptions options, bool wantAlpha)
    {
        NativeCodecs.PngInfo info;
        fixed (byte* input = data)
        {
            if (NativeCodecs.PngDecode(input, (nuint)data.Length, &info, null, 0) != 0)
                throw new ImageDecodeException(name, NativeCodecs.MessageText(info.Message));
            PixelLimit.Check(name, info.Width, info.Height, options, bytesPerPixel: info.Channels * Math.Max(info.BitDepth / 8, 1));
            var raw = PixelLimit.Allocate(name, info.RowBytes * info.Height);
            fixed (byte* pixels = raw)
            {
                if (NativeCodecs.PngDecode(input, (nuint)data.Length, &info, pixels, (nuint)raw.Length) != 0)
                    throw new ImageDecodeException(name, NativeCodecs.MessageText(info.Message));
            }
            return PngSampleConverter.ToPillowRgb(info, raw, wantAlpha);
        }
    }
}
