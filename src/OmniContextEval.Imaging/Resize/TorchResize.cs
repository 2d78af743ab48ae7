namespace OmniContextEval.Imaging.Resize;

/// <summary>
/// torch 1.13 <c>F.interpolate(x, size, mode="bilinear", align_corners=False, antialias=...)</c> on one float32
/// plane of an NCHW tensor (CPU): width pass first, then height, float32 arithmetic throughout.
/// </summary>
public static class TorchResize
{
    /// <summary>
    /// Resizes <paramref name="source"/> (<paramref name="width"/> x <paramref name="height"/>, row-major) into
    /// <paramref name="destination"/>. Without antialias each output reads the 2x2 nearest inputs (pytorch-fid);
    /// with it the triangle filter widens with the downscale factor, as in Pillow.
    /// </summary>
    public static void Bilinear(ReadOnlySpan<float> source, int width, int height,
        Span<float> destination, int outWidth, int outHeight, bool antialias)
    {
        PlaneResampler.Run(source, width, height, destination, outWidth, outHeight,
            () => PlanePasses(width, height, outWidth, outHeight, antialias));
    }

    /// <summary>The two passes of <see cref="Bilinear"/>.</summary>
    internal static (IAxisPass<float> Horizontal, IAxisPass<float> Vertical) PlanePasses(int width, int height, int outWidth, int outHeight, bool antialias) =>
        antialias
            ? (TorchKernels.Antialiased(width, outWidth), TorchKernels.Antialiased(height, outHeight))
            : (TorchKernels.Linear(width, outWidth), TorchKernels.Linear(height, outHeight));
}
