namespace OmniContextEval.Imaging.Preprocessing;

/// <summary>
/// What each byte value of each channel becomes, precomputed (256 x 3 floats), so converting and normalising
/// a pixel is one table read and the float arithmetic matches the reference's exactly.
/// </summary>
internal sealed class ChannelLookup
{
    private readonly float[][] tables;

    public ChannelLookup(Func<int, byte, float> convert)
    {
        tables = new float[3][];
        for (var c = 0; c < 3; c++)
        {
            tables[c] = new float[256];
            for (var v = 0; v < 256; v++)
                tables[c][v] = convert(c, (byte)v);
        }
    }

    /// <summary>The same conversion for every channel.</summary>
    public ChannelLookup(Func<byte, float> convert) : this((_, v) => convert(v)) { }

    /// <summary>Float32 of the byte itself (0..255).</summary>
    public static readonly ChannelLookup Identity = new(v => v);

    /// <summary>Writes channel <paramref name="channel"/> of <paramref name="image"/> as a row-major plane.</summary>
    public void WritePlane(RgbImage image, int channel, Span<float> plane)
    {
        var table = tables[channel];
        var pixels = image.Pixels.AsSpan();
        var count = image.Width * image.Height;
        plane = plane[..count];
        for (int i = 0, j = channel; i < count; i++, j += 3)
            plane[i] = table[pixels[j]];
    }

    /// <summary>Writes all three channels as consecutive planes (CHW).</summary>
    public void WritePlanes(RgbImage image, Span<float> destination)
    {
        var plane = image.Width * image.Height;
        for (var c = 0; c < 3; c++)
            WritePlane(image, c, destination.Slice(c * plane, plane));
    }
}
