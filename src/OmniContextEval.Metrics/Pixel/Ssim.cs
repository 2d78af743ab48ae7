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

    private static double ChannelSsim(RgbImage a, RgbImage b, int channel)
    {
        int w = a.Width, h = a.Height;
        var x = new double[w * h];
        var y = new double[w * h];
        for (int i = 0; i < w * h; i++)
        {
            x[i] = a.Pixels[i * 3 + channel];
            y[i] = b.Pixels[i * 3 + channel];
        }
        var ux = Filter(x, w, h);
        var uy = Filter(y, w, h);
        var uxx = Filter(Product(x, x), w, h);
        var uyy = Filter(Product(y, y), w, h);
        var uxy = Filter(Product(x, y), w, h);
        double c1 = (K1 * DataRange) * (K1 * DataRange), c2 = (K2 * DataRange) * (K2 * DataRange);
        double total = 0;
        for (int i = 0; i < ux.Length; i++)
        {
            double vx = uxx[i] - ux[i] * ux[i], vy = uyy[i] - uy[i] * uy[i], vxy = uxy[i] - ux[i] * uy[i];
            total += (2 * ux[i] * uy[i] + c1) * (2 * vxy + c2) / ((ux[i] * ux[i] + uy[i] * uy[i] + c1) * (vx + vy + c2));
        }
        return total / ux.Length;
    }

    private static double[] Product(double[] p, double[] q)
    {
        var r = new double[p.Length];
        for (int i = 0; i < r.Length; i++)
            r[i] = p[i] * q[i];
        return r;
    }

    /// <summary>Separable Gaussian filter over the valid region only ((h-10) x (w-10)); rows first, then columns.</summary>
    private static double[] Filter(double[] x, int w, int h)
    {
        int vw = w - 2 * Radius, vh = h - 2 * Radius;
        var rows = new double[h * vw];
        for (int r = 0; r < h; r++)
            for (int c = 0; c < vw; c++)
            {
                double s = 0;
                for (int k = 0; k <= 2 * Radius; k++)
                    s += Window[k] * x[r * w + c + k];
                rows[r * vw + c] = s;
            }
        var result = new double[vh * vw];
        for (int r = 0; r < vh; r++)
            for (int c = 0; c < vw; c++)
            {
                double s = 0;
                for (int k = 0; k <= 2 * Radius; k++)
                    s += Window[k] * rows[(r + k) * vw + c];
                result[r * vw + c] = s;
            }
        return result;
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
