using OmniContextEval.Imaging;

namespace OmniContextEval.Metrics.Preprocessing;

/// <summary>
/// Turns a decoded image into a network's input tensor. One implementation per preprocessing mode named in the
/// model manifest ("clip", "dinov2", "inception-clean", ...). Implementations are thread-safe.
/// </summary>
public interface IImagePreprocessor
{
    /// <summary>The mode name as the manifest writes it; part of every feature-cache key.</summary>
    string Mode { get; }

    /// <summary>Values written per image: channels * height * width.</summary>
    int OutputLength { get; }

    /// <summary>Writes the image as a float32 CHW tensor into <paramref name="destination"/> (<see cref="OutputLength"/> values).</summary>
    void Preprocess(RgbImage image, Span<float> destination);
}
