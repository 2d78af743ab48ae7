namespace OmniContextEval.Metrics.Lpips;

/// <summary>One network tap of one image: channels x height x width, float32, C order (an NCHW slice).</summary>
public readonly record struct TapFeatures(ReadOnlyMemory<float> Values, int Channels, int Height, int Width);

/// <summary>
/// LPIPS v0.1 from the backbone taps of two images: per tap, unit-normalise over channels
/// (f / (sqrt(sum_c f^2) + 1e-10)), squared difference, weighted sum over channels with the linear weights, mean
/// over height and width; summed over taps. Arithmetic in float64. Lower is more similar (0 for identical images).
/// </summary>
public static class LpipsDistance
{
    /// <summary>The normalisation epsilon of PerceptualSimilarity's <c>normalize_tensor</c>.</summary>
    public const double NormEpsilon = 1e-10;

    public static double Compute(IReadOnlyList<TapFeatures> a, IReadOnlyList<TapFeatures> b, LpipsLinearWeights weights)
    {
        if (a.Count != weights.Taps.Count || b.Count != weights.Taps.Count)
            throw new ArgumentException($"expected {weights.Taps.Count} taps, got {a.Count} and {b.Count}");
        double total = 0;
        for (int t = 0; t < a.Count; t++)
            total += TapDistance(a[t], b[t], weights.Taps[t], t);
        return total;
    }

    private static double TapDistance(TapFeatures a, TapFeatures b, float[] weights, int tap)
    {
        if (a.Channels != b.Channels || a.Height != b.Height || a.Width != b.Width)
            throw new ArgumentException($"tap {tap}: shapes differ ({a.Channels}x{a.Height}x{a.Width} and {b.Channels}x{b.Height}x{b.Width})");
        if (weights.Length != a.Channels)
            throw new Core.HarnessException($"LPIPS tap {tap}: the network gives {a.Channels} channels, the linear layer has {weights.Length} weights", Core.ExitCodes.ModelError);
        int plane = a.Height * a.Width;
        var fa = a.Values.Span;
        var fb = b.Values.Span;
        double sum = 0;
        for (int p = 0; p < plane; p++)
        {
            double na = 0, nb = 0;
            for (int c = 0; c < a.Channels; c++)
            {
                double x = fa[c * plane + p], y = fb[c * plane + p];
                na += x * x;
                nb += y * y;
            }
            double sa = 1 / (Math.Sqrt(na) + NormEpsilon), sb = 1 / (Math.Sqrt(nb) + NormEpsilon);
            double weighted = 0;
            for (int c = 0; c < a.Channels; c++)
            {
                double diff = fa[c * plane + p] * sa - fb[c * plane + p] * sb;
                weighted += weights[c] * diff * diff;
            }
            sum += weighted;
        }
        return sum / plane;
    }
}
