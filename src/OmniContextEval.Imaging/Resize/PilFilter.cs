namespace OmniContextEval.Imaging.Resize;

/// <summary>The Pillow resampling filters the reference pipelines use.</summary>
public enum PilFilter
{
    /// <summary><c>Image.BILINEAR</c>: triangle filter, support 1 (scaled by the downscale factor).</summary>
    Bilinear,
    /// <summary><c>Image.BICUBIC</c>: cubic convolution with a = -0.5, support 2 (scaled by the downscale factor).</summary>
    Bicubic,
}

/// <summary>The filter functions as Pillow 9.4 evaluates them (double precision, same operation order).</summary>
internal static class PilFilterFunctions
{
    public static double Support(PilFilter filter) => filter == PilFilter.Bicubic ? 2.0 : 1.0;

    public static double Evaluate(PilFilter filter, double x) =>
        filter == PilFilter.Bicubic ? Bicubic(x) : Triangle(x);

    public static double Triangle(double x)
    {
        if (x < 0.0) x = -x;
        return x < 1.0 ? 1.0 - x : 0.0;
    }

    private static double Bicubic(double x)
    {
        const double a = -0.5;
        if (x < 0.0) x = -x;
        if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        if (x < 2.0) return (((x - 5) * x + 8) * x - 4) * a;
        return 0.0;
    }
}
