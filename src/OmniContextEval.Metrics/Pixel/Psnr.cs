using OmniContextEval.Imaging;

namespace OmniContextEval.Metrics.Pixel;

/// <summary>
/// Peak signal-to-noise ratio of one 8-bit RGB image pair: 10 log10(255^2 / MSE) over all pixels and channels
/// (float64). Higher is better. Identical images (MSE 0, PSNR +infinity) and anything above
/// <see cref="CapDecibels"/> are reported as the cap with <see cref="PsnrResult.Capped"/> set, never as infinity.
/// Average per-image values over a set (not one PSNR of the pooled MSE).
/// </summary>
public static class Psnr
{
    /// <summary>The largest PSNR reported, in dB.</summary>
    public const double CapDecibels = 100.0;
    /// <summary>Data range R of 8-bit images.</summary>
    public const double DataRange = 255.0;

    public static PsnrResult Compute(RgbImage a, RgbImage b)
    {
        PixelPair.RequireSameSize(a, b, "PSNR");
        long squared = 0;
        var pa = a.Pixels;
        var pb = b.Pixels;
        for (int i = 0; i < pa.Length; i++)
        {
            int d = pa[i] - pb[i];
            squared += d * d;
        }
        double mse = (double)squared / pa.Length;
        double value = mse == 0 ? double.PositiveInfinity : 10 * Math.Log10(DataRange * DataRange / mse);
        return value >= CapDecibels ? new PsnrResult(CapDecibels, true, mse) : new PsnrResult(value, false, mse);
    }
}

/// <summary>PSNR in dB (higher is better); <paramref name="Capped"/> when the true value is at or above the cap (identical images).</summary>
/// <param name="MeanSquaredError">Mean squared error in squared 8-bit levels.</param>
public readonly record struct PsnrResult(double Decibels, bool Capped, double MeanSquaredError);
