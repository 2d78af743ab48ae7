using OmniContextEval.Core;
using OmniContextEval.Imaging;
using OmniContextEval.Metrics.Networks;

namespace OmniContextEval.Metrics.Lpips;

/// <summary>
/// LPIPS v0.1 between two equal-size RGB images: pixels to [-1, 1] (x / 127.5 - 1, as PerceptualSimilarity's
/// <c>im2tensor</c>), the backbone graph (its first operation is the LPIPS scaling layer) gives the five ReLU taps,
/// <see cref="LpipsDistance"/> combines them with the linear weights named by the model entry
/// (extra "linWeights" file, "linKey" entry). Lower is more similar. Owns the network.
/// </summary>
public sealed class LpipsScorer : IDisposable
{
    private readonly OnnxNetwork _network;

    private LpipsScorer(OnnxNetwork network, LpipsLinearWeights weights)
    {
        _network = network;
        Weights = weights;
    }

    public LpipsLinearWeights Weights { get; }

    public string ModelName => _network.Entry.Name;

    public static LpipsScorer Open(string modelsDir, string net, int threads = 2)
    {
        var network = OnnxNetwork.Open(modelsDir, LpipsNet.ModelName(net), threads);
        try
        {
            var extra = network.Entry.Extra;
            if (extra is null || !extra.TryGetValue("linWeights", out var file) || !extra.TryGetValue("linKey", out var key))
                throw new HarnessException($"model '{network.Entry.Name}': models.json entry needs extra.linWeights and extra.linKey", ExitCodes.ModelError);
            return new LpipsScorer(network, LpipsLinearWeights.Load(Path.Combine(modelsDir, file), key));
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>LPIPS of one pair (both images run as one batch of 2).</summary>
    public double Distance(RgbImage a, RgbImage b)
    {
        if (a.Width != b.Width || a.Height != b.Height)
            throw new HarnessException($"LPIPS: images differ in size ({a.Width}x{a.Height} and {b.Width}x{b.Height}); resize them to one size first");
        int plane = a.Width * a.Height;
        var input = new float[2 * 3 * plane];
        Write(a, input.AsSpan(0, 3 * plane));
        Write(b, input.AsSpan(3 * plane, 3 * plane));
        var outputs = _network.Run(input, [2, 3, a.Height, a.Width]);
        if (outputs.Any(o => !o.ItemIsFinite(0) || !o.ItemIsFinite(1)))
            throw new HarnessException($"LPIPS: network '{ModelName}' gave non-finite taps", ExitCodes.InvalidInput);
        return LpipsDistance.Compute(Taps(outputs, 0), Taps(outputs, 1), Weights);
    }

    /// <summary>x / 127.5 - 1 in float64, then float32 (PerceptualSimilarity's im2tensor), CHW.</summary>
    public static void Write(RgbImage image, Span<float> destination)
    {
        int plane = image.Width * image.Height;
        for (int i = 0; i < plane; i++)
            for (int c = 0; c < 3; c++)
                destination[c * plane + i] = (float)(image.Pixels[i * 3 + c] / 127.5 - 1.0);
    }

    private static TapFeatures[] Taps(IReadOnlyList<NetworkOutput> outputs, int item) =>
        outputs.Select(o => new TapFeatures(o.Item(item), (int)o.Shape[1], (int)o.Shape[2], (int)o.Shape[3])).ToArray();

    public void Dispose() => _network.Dispose();
}
