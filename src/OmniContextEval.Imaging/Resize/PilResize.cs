namespace OmniContextEval.Imaging.Resize;

/// <summary>
/// Pillow 9.4's <c>Image.resize(size, filter)</c> (ImagingResample): separable, horizontal pass first, the filter
/// support widened by the downscale factor (antialiased). RGB results equal Pillow's byte for byte; float planes
/// (mode "F", as clean-fid resizes each channel) equal Pillow's bit for bit.
/// </summary>
public static class PilResize
{
    /// <summary>Resizes an RGB image to <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public static RgbImage Resize(RgbImage source, int width, int height, PilFilter filter) =>
        ResizeAndCrop(source, width, height, new PixelRect(0, 0, width, height), filter);

    /// <summary>
    /// The same pixels as <see cref="Resize"/> followed by a crop to <paramref name="crop"/> (in resized
    /// coordinates), computing only the pixels kept.
    /// </summary>
    public static RgbImage ResizeAndCrop(RgbImage source, int width, int height, PixelRect crop, PilFilter filter)
    {
        crop.EnsureInside(width, height);
        var result = new RgbImage(crop.Width, crop.Height);
        SeparableResampler.Run<byte>(source.Pixels, source.Width, source.Height, 3,
            BytePass(source.Width, width, crop.X, crop.Width, filter),
            BytePass(source.Height, height, crop.Y, crop.Height, filter),
            result.Pixels);
        return result;
    }

    /// <summary>
    /// Resizes one float32 plane (row-major, <paramref name="width"/> x <paramref name="height"/>) into
    /// <paramref name="destination"/> (<paramref name="outWidth"/> x <paramref name="outHeight"/>), as Pillow does for mode "F".
    /// </summary>
    public static void ResizePlane(ReadOnlySpan<float> source, int width, int height,
        Span<float> destination, int outWidth, int outHeight, PilFilter filter)
    {
        PlaneChecks.Validate(source, width, height, destination, outWidth, outHeight);
        SeparableResampler.Run(source, width, height, 1,
            FloatPass(width, outWidth, filter), FloatPass(height, outHeight, filter), destination);
    }

    private static IAxisPass<byte> BytePass(int inSize, int outSize, int first, int count, PilFilter filter) =>
        inSize == outSize
            ? new IdentityPass<byte>(first, count)
            : new PilBytePass(PilKernels.ToFixedPoint(PilKernels.Create(inSize, outSize, filter, first, count)));

    private static IAxisPass<float> FloatPass(int inSize, int outSize, PilFilter filter) =>
        inSize == outSize ? new IdentityPass<float>(0, outSize) : new PilFloatPass(PilKernels.Create(inSize, outSize, filter));
}
