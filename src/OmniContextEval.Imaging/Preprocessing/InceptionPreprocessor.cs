using System.Buffers;

namespace OmniContextEval.Imaging.Preprocessing;

/// <summary>
/// The FID Inception inputs: each channel converted to float, resized on its own to a fixed square (squashed, no
/// crop) with the reference's resampler, then mapped to [-1, 1] element-wise.
/// </summary>
internal sealed class InceptionPreprocessor(
    string name,
    int size,
    ChannelLookup toFloat,
    InceptionPreprocessor.PlaneResizer resize,
    Func<float, float> finish) : Preprocessor
{
    /// <summary>Resizes a row-major float plane into a <c>outWidth x outHeight</c> destination.</summary>
    public delegate void PlaneResizer(ReadOnlySpan<float> source, int width, int height, Span<float> destination, int outWidth, int outHeight);

    public override string Name => name;

    public override (int Height, int Width) OutputSize(int width, int height) => (size, size);

    public override void Write(RgbImage image, Span<float> destination)
    {
        var plane = CheckDestination(image, destination);
        var input = ArrayPool<float>.Shared.Rent(image.Width * image.Height);
        try
        {
            for (var c = 0; c < 3; c++)
            {
                toFloat.WritePlane(image, c, input);
                var output = destination.Slice(c * plane, plane);
                resize(input.AsSpan(0, image.Width * image.Height), image.Width, image.Height, output, size, size);
                for (var i = 0; i < output.Length; i++)
                    output[i] = finish(output[i]);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
        }
    }
}
