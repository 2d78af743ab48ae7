using System.Buffers;
using OmniContextEval.Imaging.Resize;

namespace OmniContextEval.Imaging.Preprocessing;

/// <summary>
/// The FID Inception inputs: each channel converted to float, resized on its own to a fixed square (squashed, no
/// crop) with the reference's resampler, then mapped to [-1, 1] element-wise. The bytes are transposed once and
/// each channel's float plane is built already transposed, which is what the horizontal pass reads.
/// </summary>
internal sealed class InceptionPreprocessor(
    string name,
    int size,
    ChannelLookup toFloat,
    InceptionPreprocessor.PassFactory passes,
    InceptionPreprocessor.PlaneFinisher finish) : Preprocessor
{
    /// <summary>The horizontal and vertical passes of the reference's resize from width x height to outWidth x outHeight.</summary>
    public delegate (IAxisPass<float> Horizontal, IAxisPass<float> Vertical) PassFactory(int width, int height, int outWidth, int outHeight);

    /// <summary>Maps a resized plane to the network's range, in place (vectorised, element-wise exact).</summary>
    public delegate void PlaneFinisher(Span<float> plane);

    public override string Name => name;

    public override (int Height, int Width) OutputSize(int width, int height) => (size, size);

    public override void Write(RgbImage image, Span<float> destination)
    {
        var plane = CheckDestination(image, destination);
        var pixels = image.Width * image.Height;
        var (horizontal, vertical) = passes(image.Width, image.Height, size, size);
        var transposed = ArrayPool<byte>.Shared.Rent(pixels * 3);
        var input = ArrayPool<float>.Shared.Rent(pixels);
        try
        {
            Transpose.Pixels<byte>(image.Pixels, image.Width * 3, image.Height, image.Width, 3, transposed);
            for (var c = 0; c < 3; c++)
            {
                toFloat.WritePlane(transposed.AsSpan(0, pixels * 3), c, input.AsSpan(0, pixels));
                var output = destination.Slice(c * plane, plane);
                SeparableResampler.RunTransposed<float>(input.AsSpan(0, pixels), image.Width, image.Height, 1, horizontal, vertical, output);
                finish(output);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(transposed);
            ArrayPool<float>.Shared.Return(input);
        }
    }
}
