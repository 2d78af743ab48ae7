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
        for (int t = 0; t < a.Count; t++)
            Check(a[t], b[t], weights.Taps[t], t);
        var perTap = new double[a.Count]; // taps in parallel, summed in tap order: the same bits on any thread count
        Parallel.For(0, a.Count, t => perTap[t] = TapDistance(a[t], b[t], weights.Taps[t]));
        double total = 0;
        foreach (var d in perTap)
            total += d;
        return total;
    }

    private static void Check(TapFeatures a, TapFeatures b, float[] weights, int tap)
    {
        if (a.Channels != b.Channels || a.Height != b.Height || a.Width != b.Width)
            throw new ArgumentException($"tap {tap}: shapes differ ({a.Channels}x{a.Height}x{a.Width} and {b.Channels}x{b.Height}x{b.Width})");
        if (weights.Length != a.Channels)
            throw new Core.HarnessException($"LPIPS tap {tap}: the network gives {a.Channels} channels, the linear layer has {weights.Length} weights", Core.ExitCodes.ModelError);
    }

    private static double TapDistance(TapFeatures a, TapFeatures b, float[] weights)
    {
        int plane = a.Height * a.Width;
        var fa = a.Values.Span;
        var fb = b.Values.Span;
        // Channel-outer loops keep every pass contiguous in memory (the taps are channel planes).
        var scaleA = new double[plane];
        var scaleB = new double[plane];
        for (int c = 0; c < a.Channels; c++)
        {
            var pa = fa.Slice(c * plane, plane);
            var pb = fb.Slice(c * plane, plane);
            for (int p = 0; p < plane; p++)
            {
                scaleA[p] += (double)pa[p] * pa[p];
                scaleB[p] += (double)pb[p] * pb[p];
            }
        }
        for (int p = 0; p < plane; p++)
        {
            scaleA[p] = 1 / (Math.Sqrt(scaleA[p]) + NormEpsilon);
            scaleB[p] = 1 / (Math.Sqrt(scaleB[p]) + NormEpsilon);
        }
        double sum = 0;
        for (int c = 0; c < a.Channels; c++)
        {
            double weight = weights[c];
            if (weight == 0)
                continue;
            var pa = fa.Slice(c * plane, plane);
            var pb = fb.Slice(c * plane, plane);
            double channel = 0;
            for (int p = 0; p < plane; p++)
            {
                double diff = pa[p] * scaleA[p] - pb[p] * scaleB[p];
                channel += diff * diff;
            }
            sum += weight * channel;
        }
        return sum / plane;
    }
}
