namespace OmniContextEval.Imaging.Codecs;

/// <summary>
/// Turns raw PNG samples into the RGB that Pillow 9.4 gives for <c>Image.open(p).convert("RGB")</c>:
/// grey 1/2/4-bit scaled to 0..255 (x255, x0x55, x0x11); 16-bit grey opens as mode "I" and converts clipped
/// to 255; other 16-bit samples keep their high byte; palette indices past PLTE read Pillow's grey ramp;
/// alpha and tRNS never change the RGB. The alpha plane (for compositing) follows tRNS and alpha samples.
/// </summary>
internal static class PngSampleConverter
{
    public static DecodedImage ToPillowRgb(NativeCodecs.PngInfo info, byte[] raw, bool wantAlpha)
    {
        int width = info.Width, height = info.Height, depth = info.BitDepth;
        var rgb = new RgbImage(width, height);
        var alpha = wantAlpha && HasAlpha(info) ? new byte[width * height] : null;
        var palette = Palette(info);
        var maxSample = (1 << depth) - 1;
        for (var y = 0; y < height; y++)
        {
            var row = raw.AsSpan((int)(y * info.RowBytes), (int)info.RowBytes);
            var output = rgb.Row(y);
            for (var x = 0; x < width; x++)
            {
                byte r, g, b, a = 255;
                switch (info.ColorType)
                {
                    case 0:
                        var v = Sample(row, x, depth);
                        r = g = b = depth == 16 ? (byte)Math.Min(v, 255) : (byte)(v * 255 / maxSample);
                        if (info.HasTransparentColor != 0 && v == info.TransparentGray) a = 0;
                        break;
                    case 2:
                        int sr = Sample(row, 3 * x, depth), sg = Sample(row, 3 * x + 1, depth), sb = Sample(row, 3 * x + 2, depth);
                        (r, g, b) = (High(sr, depth), High(sg, depth), High(sb, depth));
                        if (info.HasTransparentColor != 0 && sr == info.TransparentRed && sg == info.TransparentGreen && sb == info.TransparentBlue) a = 0;
                        break;
                    case 3:
                        var index = Sample(row, x, depth);
                        (r, g, b) = (palette[3 * index], palette[3 * index + 1], palette[3 * index + 2]);
                        a = palette[768 + index];
                        break;
                    case 4:
                        r = g = b = High(Sample(row, 2 * x, depth), depth);
                        a = High(Sample(row, 2 * x + 1, depth), depth);
                        break;
                    default:
                        (r, g, b) = (High(Sample(row, 4 * x, depth), depth), High(Sample(row, 4 * x + 1, depth), depth), High(Sample(row, 4 * x + 2, depth), depth));
                        a = High(Sample(row, 4 * x + 3, depth), depth);
                        break;
                }
                output[3 * x] = r;
                output[3 * x + 1] = g;
                output[3 * x + 2] = b;
                if (alpha is not null) alpha[y * width + x] = a;
            }
        }
        return new DecodedImage(rgb, alpha);
    }

    private static bool HasAlpha(NativeCodecs.PngInfo info) =>
        info.ColorType is 4 or 6 || info.HasTransparentColor != 0 || (info.ColorType == 3 && info.TransparencyCount > 0);

    /// <summary>768 bytes of RGB then 256 alphas; entries past PLTE are Pillow's ramp (i, i, i), past tRNS opaque.</summary>
    private static unsafe byte[] Palette(NativeCodecs.PngInfo info)
    {
        var table = new byte[1024];
        for (var i = 0; i < 256; i++)
        {
            table[3 * i] = table[3 * i + 1] = table[3 * i + 2] = (byte)i;
            table[768 + i] = 255;
        }
        new ReadOnlySpan<byte>(info.Palette, 3 * Math.Clamp(info.PaletteCount, 0, 256)).CopyTo(table);
        new ReadOnlySpan<byte>(info.TransparencyAlpha, Math.Clamp(info.TransparencyCount, 0, 256)).CopyTo(table.AsSpan(768));
        return table;
    }

    /// <summary>Sample <paramref name="index"/> of a row packed at <paramref name="depth"/> bits (16-bit big-endian).</summary>
    private static int Sample(ReadOnlySpan<byte> row, int index, int depth) => depth switch
    {
        8 => row[index],
        16 => (row[2 * index] << 8) | row[2 * index + 1],
        _ => (row[index * depth >> 3] >> (8 - depth - (index * depth & 7))) & ((1 << depth) - 1),
    };

    private static byte High(int sample, int depth) => (byte)(depth == 16 ? sample >> 8 : sample);
}
