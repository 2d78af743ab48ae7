using OmniContextEval.Imaging;

namespace OmniContextEval.Metrics.Fid;

/// <summary>Turns an 8-bit RGB image into the Inception network's float32 CHW input for one <see cref="FidMode"/>.</summary>
public interface IInceptionPreprocessor
{
    FidMode Mode { get; }

    /// <summary>Input side in pixels (299).</summary>
    int Size { get; }

    /// <summary>Writes 3 x Size x Size floats into <paramref name="destination"/>; throws HarnessException when it cannot.</summary>
    void Write(RgbImage image, Span<float> destination);
}
