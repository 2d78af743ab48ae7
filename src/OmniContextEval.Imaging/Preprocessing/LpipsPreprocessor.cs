using OmniContextEval.Imaging.Resize;

namespace OmniContextEval.Imaging.Preprocessing;

/// <summary>
/// LPIPS input (<c>lpips.im2tensor</c>): x / 127.5 - 1 computed in double and stored as float32, at the image's own
/// size, or after a Pillow bicubic resize to a fixed <c>width x height</c>.
/// </summary>
internal sealed class LpipsPreprocessor(string name, (int Width, int Height)? size) : Preprocessor
{
    private static readonly ChannelLookup ToSigned = new(v => (float)(v / 127.5 - 1.0));

    public override string Name => name;

    public override (int Height, int Width) OutputSize(int width, int height) =>
        size is { } s ? (s.Height, s.Width) : (height, width);

    public override void Write(RgbImage image, Span<float> destination)
    {
        CheckDestination(image, destination);
        var source = size is { } s && (s.Width != image.Width || s.Height != image.Height)
            ? PilResize.Resize(image, s.Width, s.Height, PilFilter.Bicubic)
            : image;
        ToSigned.WritePlanes(source, destination);
    }
}
