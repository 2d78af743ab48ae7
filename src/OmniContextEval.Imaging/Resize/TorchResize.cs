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
        PlaneChecks.Validate(source, width, height, destination, outWidth, outHeight);
        IAxisPass<float> horizontal = antialias ? TorchKernels.Antialiased(width, outWidth) : TorchKernels.Linear(width, outWidth);
        IAxisPass<float> vertical = antialias ? TorchKernels.Antialiased(height, outHeight) : TorchKernels.Linear(height, outHeight);
        SeparableResampler.Run(source, width, height, 1, horizontal, vertical, destination);
    }
}
