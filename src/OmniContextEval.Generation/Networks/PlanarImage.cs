using OmniContextEval.Generation.Compositing;
using OmniContextEval.Imaging;

namespace OmniContextEval.Generation.Networks;

/// <summary>Conversions between interleaved images and the planar [3, H, W] tensors in [-1, 1] that image networks take.</summary>
public static class PlanarImage
{
    /// <summary>The input images side by side as equal panels on grey, resized to width x height, planar.</summary>
    public static float[] PanelsToPlanar(IReadOnlyList<RgbImage> images, int width, int height)
    {
        var canvas = new Canvas(width, height);
        for (var i = 0; i < images.Count; i++)
        {
            var x0 = i * width / images.Count;
            var x1 = (i + 1) * width / images.Count;
            Resampler.Draw(images[i], new(0, 0, images[i].Width, images[i].Height), canvas, new(x0, 0, x1 - x0, height));
        }
        var planar = new float[canvas.Data.Length];
        var plane = width * height;
        for (var p = 0; p < plane; p++)
            for (var c = 0; c < 3; c++) planar[c * plane + p] = canvas.Data[p * 3 + c];
        return planar;
    }

    /// <summary>A planar [3, H, W] tensor in [-1, 1] as an image, resized to outWidth x outHeight.</summary>
    public static RgbImage FromPlanar(ReadOnlySpan<float> planar, int width, int height, int outWidth, int outHeight)
    {
        var plane = width * height;
        var interleaved = new float[plane * 3];
        for (var p = 0; p < plane; p++)
            for (var c = 0; c < 3; c++) interleaved[p * 3 + c] = planar[c * plane + p];
        var image = Canvas.ToImage(interleaved, width, height);
        if (width == outWidth && height == outHeight) return image;
        var resized = new Canvas(outWidth, outHeight);
        Resampler.Draw(image, new(0, 0, width, height), resized, new(0, 0, outWidth, outHeight));
        return Canvas.ToImage(resized.Data, outWidth, outHeight);
    }
}
