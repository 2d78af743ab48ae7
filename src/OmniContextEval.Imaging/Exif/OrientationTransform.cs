namespace OmniContextEval.Imaging.Exif;

/// <summary>
/// Rotates and flips an image as its EXIF orientation says, as Pillow's <c>ImageOps.exif_transpose</c> does
/// (2 mirror, 3 rotate 180°, 4 flip, 5 transpose, 6 rotate 90° clockwise, 7 transverse, 8 rotate 90° anticlockwise).
/// </summary>
internal static class OrientationTransform
{
    public static RgbImage Apply(RgbImage source, int orientation)
    {
        if (orientation is < 2 or > 8) return source;
        int w = source.Width, h = source.Height;
        var swapsAxes = orientation >= 5;
        var result = swapsAxes ? new RgbImage(h, w) : new RgbImage(w, h);
        for (var y = 0; y < result.Height; y++)
        for (var x = 0; x < result.Width; x++)
        {
            var (sx, sy) = orientation switch
            {
                2 => (w - 1 - x, y),
                3 => (w - 1 - x, h - 1 - y),
                4 => (x, h - 1 - y),
                5 => (y, x),
                6 => (y, h - 1 - x),
                7 => (w - 1 - y, h - 1 - x),
                _ => (w - 1 - y, x),
            };
            source.Pixels.AsSpan(3 * (sy * w + sx), 3).CopyTo(result.Pixels.AsSpan(3 * (y * result.Width + x), 3));
        }
        return result;
    }
}
