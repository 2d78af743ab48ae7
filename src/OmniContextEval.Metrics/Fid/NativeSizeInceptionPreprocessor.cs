using OmniContextEval.Core;
using OmniContextEval.Imaging;

namespace OmniContextEval.Metrics.Fid;

/// <summary>
/// The three FID modes for images that are already 299x299, where every reference's resize is the identity and
/// the modes differ only in scaling: clean and tf1 (x - 128) / 128, legacy-pytorch 2 (x / 255) - 1 (float32, in
/// PyTorch's order of operations). Other sizes are refused with a clear message until the resizing modes of the
/// preprocessing module are wired in.
/// </summary>
public sealed class NativeSizeInceptionPreprocessor(FidMode mode) : IInceptionPreprocessor
{
    public FidMode Mode { get; } = mode;

    public int Size => 299;

    public void Write(RgbImage image, Span<float> destination)
    {
        if (image.Width != Size || image.Height != Size)
            throw new HarnessException($"{image.Width}x{image.Height} image: FID mode '{Mode.Name()}' needs the resizing preprocessing; " +
                                       $"this build scores {Size}x{Size} images only");
        int plane = Size * Size;
        var pixels = image.Pixels;
        for (int i = 0; i < plane; i++)
            for (int c = 0; c < 3; c++)
                destination[c * plane + i] = Scale(pixels[i * 3 + c]);
    }

    private float Scale(byte value) => Mode == FidMode.LegacyPytorch
        ? 2f * (value / 255f) - 1f
        : (value - 128f) / 128f;
}
