namespace OmniContextEval.Imaging.Resize;

/// <summary>
/// torch 1.13's CPU weights for <c>F.interpolate(mode="bilinear", align_corners=False)</c> on float32 tensors,
/// computed in the same float/double mix as ATen (UpSample.h, UpSampleKernel.cpp), and TF1's bilinear indices.
/// </summary>
internal static class TorchKernels
{
    /// <summary>
    /// Plain bilinear: source = max(scale * (dst + 0.5) - 0.5, 0) with scale = in / out (float32), lower =
    /// floor(source), upper = lower + 1 except at the last row, weights 1 - lambda and lambda.
    /// </summary>
    public static TwoRowPass<WeightedSum> Linear(int inSize, int outSize)
    {
        var (lower, upper) = (new int[outSize], new int[outSize]);
        var (w0, w1) = (new float[outSize], new float[outSize]);
        var scale = (float)inSize / outSize;
        for (var i = 0; i < outSize; i++)
        {
            // The float32 scale is widened: the source position and its fraction are taken in double.
            var source = inSize == outSize ? i : Math.Max(scale * (i + 0.5) - 0.5, 0.0);
            lower[i] = (int)source;
            upper[i] = lower[i] + (lower[i] < inSize - 1 ? 1 : 0);
            w1[i] = (float)Math.Clamp(source - lower[i], 0.0, 1.0);
            w0[i] = 1f - w1[i];
        }
        return new TwoRowPass<WeightedSum>(lower, upper, w0, w1);
    }

    /// <summary>
    /// Antialiased bilinear (Pillow's scheme in float32): support = max(scale, 1), triangle filter stretched by
    /// the downscale factor, weights normalised per output.
    /// </summary>
    public static TorchFloatPass Antialiased(int inSize, int outSize)
    {
        var scale = (float)inSize / outSize;
        var support = scale >= 1.0 ? (float)(1.0 * scale) : 1.0f;
        var stride = (int)MathF.Ceiling(support) * 2 + 1;
        var inverseScale = scale >= 1.0 ? (float)(1.0 / scale) : 1.0f;
        var (starts, counts, weights) = (new int[outSize], new int[outSize], new float[outSize * stride]);
        for (var i = 0; i < outSize; i++)
        {
            var center = (float)(scale * (i + 0.5));
            var xmin = Math.Max((long)((center - support) + 0.5), 0);
            var xsize = (int)(Math.Min((long)((center + support) + 0.5), inSize) - xmin);
            var w = weights.AsSpan(i * stride, stride);
            var total = 0f;
            for (var j = 0; j < xsize; j++)
            {
                w[j] = Triangle((float)(((j + xmin) - center + 0.5) * inverseScale));
                total += w[j];
            }
            if (total != 0f)
                for (var j = 0; j < xsize; j++)
                    w[j] /= total;
            starts[i] = (int)xmin;
            counts[i] = xsize;
        }
        return new TorchFloatPass(new ResampleKernel<float>(starts, counts, weights, stride));
    }

    /// <summary>TF1 bilinear: source = dst * (in / out) in float32, no half-pixel offset.</summary>
    public static TwoRowPass<Lerp> Tf1(int inSize, int outSize)
    {
        var (lower, upper, fraction) = (new int[outSize], new int[outSize], new float[outSize]);
        var scale = (float)((double)inSize / outSize);
        for (var i = 0; i < outSize; i++)
        {
            var source = (float)i * scale;
            lower[i] = (int)source;
            upper[i] = Math.Min(lower[i] + 1, inSize - 1);
            fraction[i] = source - lower[i];
        }
        return new TwoRowPass<Lerp>(lower, upper, new float[outSize], fraction);
    }

    private static float Triangle(float x)
    {
        if (x < 0f) x = -x;
        return x < 1.0 ? (float)(1.0 - x) : 0f;
    }
}
