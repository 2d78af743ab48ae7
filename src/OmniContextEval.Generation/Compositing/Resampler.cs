using OmniContextEval.Imaging;

namespace OmniContextEval.Generation.Compositing;

/// <summary>
/// Draws a rectangle of a source image into a rectangle of a canvas, averaging the source pixels each target
/// pixel covers (box filter on downscaling, bilinear on upscaling). Deterministic, single-threaded per call.
/// </summary>
public static class Resampler
{
    /// <summary>A source region, in source pixels.</summary>
    public readonly record struct Region(int X, int Y, int Width, int Height);

    public static void Draw(RgbImage source, Region from, Canvas canvas, Region to)
    {
        var sx = (double)from.Width / to.Width;
        var sy = (double)from.Height / to.Height;
        for (var ty = Math.Max(0, to.Y); ty < Math.Min(canvas.Height, to.Y + to.Height); ty++)
        {
            var (y0, y1) = Span(from.Y, sy, ty - to.Y, from.Height);
            for (var tx = Math.Max(0, to.X); tx < Math.Min(canvas.Width, to.X + to.Width); tx++)
            {
                var (x0, x1) = Span(from.X, sx, tx - to.X, from.Width);
                var offset = (ty * canvas.Width + tx) * 3;
                for (var c = 0; c < 3; c++)
                    canvas.Data[offset + c] = (float)(Average(source, x0, x1, y0, y1, c) / 127.5 - 1.0);
            }
        }
    }

    // The source interval a target pixel covers; at least one pixel wide (upscaling samples the nearest centre pair).
    private static (double Start, double End) Span(int origin, double scale, int target, int extent)
    {
        var start = origin + target * scale;
        var end = start + scale;
        if (scale < 1)
        {
            var centre = start + scale / 2;
            start = Math.Clamp(centre - 0.5, origin, origin + extent - 1);
            end = start + 1;
        }
        return (start, Math.Min(end, origin + extent));
    }

    private static double Average(RgbImage image, double x0, double x1, double y0, double y1, int channel)
    {
        double sum = 0, area = 0;
        for (var y = (int)Math.Floor(y0); y < (int)Math.Ceiling(y1); y++)
        {
            var wy = Math.Min(y + 1, y1) - Math.Max(y, y0);
            if (wy <= 0) continue;
            var row = image.Row(Math.Min(y, image.Height - 1));
            for (var x = (int)Math.Floor(x0); x < (int)Math.Ceiling(x1); x++)
            {
                var wx = Math.Min(x + 1, x1) - Math.Max(x, x0);
                if (wx <= 0) continue;
                sum += wx * wy * row[Math.Min(x, image.Width - 1) * 3 + channel];
                area += wx * wy;
            }
        }
        return area > 0 ? sum / area : 0;
    }
}
