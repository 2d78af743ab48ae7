using OmniContextEval.Core;

namespace OmniContextEval.Imaging.Preprocessing;

/// <summary>
/// A named conversion from an 8-bit RGB image to a network's input: float32, channels R, G, B as planes (CHW per
/// image, NCHW for a batch), equal to a reference implementation's tensor. Get one with <see cref="Get"/>; the
/// mode names are listed in <see cref="PreprocessingModes"/>. Instances are immutable and thread-safe.
/// </summary>
public abstract class Preprocessor
{
    /// <summary>The mode name this preprocessor was created from (recorded in results).</summary>
    public abstract string Name { get; }

    /// <summary>Height and width of the tensor for an input of <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public abstract (int Height, int Width) OutputSize(int width, int height);

    /// <summary>Writes one image as 3 planes (CHW) into the first 3 x H x W elements of <paramref name="destination"/>.</summary>
    public abstract void Write(RgbImage image, Span<float> destination);

    /// <summary>The preprocessor for a mode name; a <see cref="HarnessException"/> listing the known names when there is none.</summary>
    public static Preprocessor Get(string mode) =>
        PreprocessingModes.TryCreate(mode, out var preprocessor)
            ? preprocessor
            : throw new HarnessException($"unknown preprocessing mode '{mode}'; known modes: {string.Join(", ", PreprocessingModes.Names)}");

    /// <summary>Like <see cref="Get"/>, without throwing.</summary>
    public static bool TryGet(string mode, out Preprocessor preprocessor) => PreprocessingModes.TryCreate(mode, out preprocessor);

    /// <summary>The NCHW shape of a batch: [N, 3, H, W]. All images must give the same H and W.</summary>
    public int[] BatchShape(IReadOnlyList<RgbImage> images)
    {
        if (images.Count == 0) throw new ArgumentException("the batch is empty", nameof(images));
        var (height, width) = OutputSize(images[0].Width, images[0].Height);
        for (var i = 1; i < images.Count; i++)
            if (OutputSize(images[i].Width, images[i].Height) != (height, width))
                throw new ArgumentException($"batch image {i} ({images[i].Width}x{images[i].Height}) gives a " +
                    $"{OutputSize(images[i].Width, images[i].Height)} tensor under '{Name}', image 0 gives ({height}, {width}); " +
                    "one batch needs one size", nameof(images));
        return [images.Count, 3, height, width];
    }

    /// <summary>
    /// Writes a batch as one NCHW tensor into caller memory (for example an ONNX Runtime input buffer), image i at
    /// offset i x 3 x H x W. <paramref name="destination"/> must hold at least N x 3 x H x W elements.
    /// </summary>
    public void WriteBatch(IReadOnlyList<RgbImage> images, Span<float> destination)
    {
        var shape = BatchShape(images);
        var perImage = shape[1] * shape[2] * shape[3];
        if (destination.Length < (long)perImage * images.Count)
            throw new ArgumentException($"destination holds {destination.Length} floats, the batch needs {(long)perImage * images.Count}", nameof(destination));
        for (var i = 0; i < images.Count; i++)
            Write(images[i], destination.Slice(i * perImage, perImage));
    }

    /// <summary>A new NCHW array for a batch, with its shape.</summary>
    public (float[] Data, int[] Shape) CreateBatch(IReadOnlyList<RgbImage> images)
    {
        var shape = BatchShape(images);
        var data = new float[shape.Aggregate(1, (n, d) => checked(n * d))];
        WriteBatch(images, data);
        return (data, shape);
    }

    /// <summary>Throws unless <paramref name="destination"/> can hold this image's tensor; returns the plane size.</summary>
    protected int CheckDestination(RgbImage image, Span<float> destination)
    {
        var (height, width) = OutputSize(image.Width, image.Height);
        var plane = height * width;
        if (destination.Length < 3 * plane)
            throw new ArgumentException($"destination holds {destination.Length} floats, '{Name}' writes 3x{height}x{width}", nameof(destination));
        return plane;
    }

    public override string ToString() => Name;
}
