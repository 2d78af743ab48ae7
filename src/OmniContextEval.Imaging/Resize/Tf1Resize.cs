namespace OmniContextEval.Imaging.Resize;

/// <summary>
/// TensorFlow 1.x <c>tf.image.resize_bilinear(align_corners=False)</c>, as torch-fidelity reproduces it for its
/// Inception input: source = dst * (in / out) with no half-pixel offset, float32 lerps along x then y.
/// </summary>
public static class Tf1Resize
{
    /// <summary>Resizes one float32 plane (row-major) into <paramref name="destination"/>.</summary>
    public static void Bilinear(ReadOnlySpan<float> source, int width, int height,
        Span<float> destination, int outWidth, int outHeight)
    {
        PlaneChecks.Validate(source, width, height, destination, outWidth, outHeight);
        SeparableResampler.Run(source, width, height, 1, TorchKernels.Tf1(width, outWidth), TorchKernels.Tf1(height, outHeight), destination);
    }
}
