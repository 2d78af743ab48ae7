using System.Numerics;
using System.Runtime.CompilerServices;
using OmniContextEval.Core;
using OmniContextEval.Imaging;

namespace OmniContextEval.Metrics.Pixel;

/// <summary>
/// Structural similarity (Wang et al. 2004) of one 8-bit RGB image pair, in scikit-image's convention
/// (<c>structural_similarity(gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=255)</c>):
/// Gaussian window sigma 1.5 truncated at 3.5 sigma (11x11), K1 = 0.01, K2 = 0.03, population (co)variances;
/// the SSIM map is averaged over the pixels whose whole window lies inside the image (scikit-image crops 5 pixels
/// from each border, so its boundary padding never reaches the mean), per channel, then over the 3 channels.
/// Float64. Higher is better; 1 for identical images.
/// </summary>
public static class Ssim
{
    public const int Radius = 5;
    public const double Sigma = 1.5, K1 = 0.01, K2 = 0.03, DataRange = 255.0;
    private static readonly double[] Window = GaussianWindow();

    public static double Compute(RgbImage a, RgbImage b)
    {
        PixelPair.RequireSameSize(a, b, "SSIM");
        if (a.Width <= 2 * Radius || a.Height <= 2 * Radius)
            throw new HarnessException($"SSIM: images of {a.Width}x{a.Height} are smaller than the {2 * Radius + 1}x{2 * Radius + 1} window");
        double sum = 0;
        for (int c = 0; c < 3; c++)
            sum += ChannelSsim(a, b, c);
        return sum / 3;
    }

    private const int Maps = 5; // x, y, x*x, y*y, x*y

    /// <summary>
    /// One channel's mean SSIM. Rows are filtered as they are read into a ring of the last 11 row-filtered rows per
    /// map, and each output row is filtered down that ring, so the working set stays in cache.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double ChannelSsim(RgbImage a, RgbImage b, int channel)
    {
        const int taps = 2 * Radius + 1;
        int w = a.Width, h = a.Height, vw = w - 2 * Radius, vh = h - 2 * Radius;
        var x = new double[w];
        var y = new double[w];
        var ring = new double[Maps][];
        var filtered = new double[Maps][];
        for (int m = 0; m < Maps; m++)
        {
            ring[m] = new double[taps * vw];
            filtered[m] = new double[vw];
        }
        double c1 = (K1 * DataRange) * (K1 * DataRange), c2 = (K2 * DataRange) * (K2 * DataRange);
        var map = new double[vw];
        double total = 0;
        for (int r = 0; r < h; r++)
        {
            for (int i = 0; i < w; i++)
            {
                x[i] = a.Pixels[(r * w + i) * 3 + channel];
                y[i] = b.Pixels[(r * w + i) * 3 + channel];
            }
            FilterRow(x, y, ring, r % taps * vw, vw);
            int top = r - 2 * Radius; // the output row whose window ends at image row r
            if (top < 0) continue;
            for (int m = 0; m < Maps; m++)
                FilterColumns(ring[m], top, vw, filtered[m]);
            SsimRow(filtered, c1, c2, map);
            for (int c = 0; c < vw; c++)
                total += map[c];
        }
        return total / ((double)vh * vw);
    }

    /// <summary>
    /// The Gaussian along one image row for all five maps, over the valid columns. Each value is summed tap by tap
    /// (k = 0..10, multiply then add), the order of the plain scalar filter, so vectorising over columns changes no bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FilterRow(double[] x, double[] y, double[][] rows, int offset, int vw)
    {
        int width = Vector<double>.Count, c = 0;
        for (; c + width <= vw; c += width)
        {
            Vector<double> sx = default, sy = default, sxx = default, syy = default, sxy = default;
            for (int k = 0; k <= 2 * Radius; k++)
            {
                var wk = new Vector<double>(Window[k]);
                var vx = new Vector<double>(x, c + k);
                var vy = new Vector<double>(y, c + k);
                sx += wk * vx;
                sy += wk * vy;
                sxx += wk * (vx * vx);
                syy += wk * (vy * vy);
                sxy += wk * (vx * vy);
            }
            sx.CopyTo(rows[0], offset + c);
            sy.CopyTo(rows[1], offset + c);
            sxx.CopyTo(rows[2], offset + c);
            syy.CopyTo(rows[3], offset + c);
            sxy.CopyTo(rows[4], offset + c);
        }
        for (; c < vw; c++)
        {
            double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
            for (int k = 0; k <= 2 * Radius; k++)
            {
                double wk = Window[k], vx = x[c + k], vy = y[c + k];
                sx += wk * vx;
                sy += wk * vy;
                sxx += wk * (vx * vx);
                syy += wk * (vy * vy);
                sxy += wk * (vx * vy);
            }
            (rows[0][offset + c], rows[1][offset + c], rows[2][offset + c], rows[3][offset + c], rows[4][offset + c]) = (sx, sy, sxx, syy, sxy);
        }
    }

    /// <summary>The Gaussian down the columns for output row <paramref name="top"/> (image rows top..top+10, held in the ring), tap by tap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FilterColumns(double[] ring, int top, int vw, double[] result)
    {
        Array.Clear(result);
        for (int k = 0; k <= 2 * Radius; k++)
        {
            var wk = Window[k];
            var source = ring.AsSpan((top + k) % (2 * Radius + 1) * vw, vw);
            int width = Vector<double>.Count, c = 0;
            var scale = new Vector<double>(wk);
            for (; c + width <= vw; c += width)
                (new Vector<double>(result, c) + scale * new Vector<double>(source[c..])).CopyTo(result, c);
            for (; c < vw; c++)
                result[c] += wk * source[c];
        }
    }

    private static void SsimRow(double[][] f, double c1, double c2, double[] map)
    {
        double[] ux = f[0], uy = f[1], uxx = f[2], uyy = f[3], uxy = f[4];
        for (int i = 0; i < map.Length; i++)
        {
            double vx = uxx[i] - ux[i] * ux[i], vy = uyy[i] - uy[i] * uy[i], vxy = uxy[i] - ux[i] * uy[i];
            map[i] = (2 * ux[i] * uy[i] + c1) * (2 * vxy + c2) / ((ux[i] * ux[i] + uy[i] * uy[i] + c1) * (vx + vy + c2));
        }
    }

    private static double[] GaussianWindow()
    {
        var g = new double[2 * Radius + 1];
        for (int k = -Radius; k <= Radius; k++)
            g[k + Radius] = Math.Exp(-0.5 * k * k / (Sigma * Sigma));
        double sum = g.Sum();
        return g.Select(v => v / sum).ToArray();
    }
}
