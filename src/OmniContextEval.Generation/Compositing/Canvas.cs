using OmniContextEval.Imaging;

namespace OmniContextEval.Generation.Compositing;

/// <summary>
/// A float RGB image in the sampler's range [-1, 1] (byte b maps to b / 127.5 - 1), interleaved row by row like
/// <see cref="RgbImage"/>. Owns its array.
/// </summary>
public sealed class Canvas
{
    public Canvas(int width, int height)
    {
        Width = width;
        Height = height;
        Data = new float[checked(width * height * 3)];
    }

    public int Width { get; }
    public int Height { get; }
    public float[] Data { get; }

    public void Fill(float r, float g, float b)
    {
        for (var i = 0; i < Data.Length; i += 3) { Data[i] = r; Data[i + 1] = g; Data[i + 2] = b; }
    }

    /// <summary>Converts [-1, 1] floats to bytes: round((v + 1) * 127.5), clamped to 0..255.</summary>
    public static RgbImage ToImage(ReadOnlySpan<float> data, int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i++)
            pixels[i] = (byte)Math.Clamp(MathF.Round((data[i] + 1f) * 127.5f, MidpointRounding.ToEven), 0f, 255f);
        return new RgbImage(width, height, pixels);
    }
}
