using OmniContextEval.Core;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Metrics.Networks;

namespace OmniContextEval.Metrics.Lpips;

/// <summary>
/// LPIPS v0.1 between two equal-size RGB images: pixels to [-1, 1] by the "lpips" preprocessing mode (x / 127.5 - 1,
/// as PerceptualSimilarity's <c>im2tensor</c>), the backbone graph (its first operation is the LPIPS scaling layer) gives the five ReLU taps,
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
        var (input, shape) = Input.CreateBatch([a, b]);
        var outputs = _network.Run(input, [.. shape.Select(d => (long)d)]);
        if (outputs.Any(o => !o.ItemIsFinite(0) || !o.ItemIsFinite(1)))
            throw new HarnessException($"LPIPS: network '{ModelName}' gave non-finite taps", ExitCodes.InvalidInput);
        return LpipsDistance.Compute(Taps(outputs, 0), Taps(outputs, 1), Weights);
    }

    /// <summary>The network input: the "lpips" preprocessing mode at the image's own size.</summary>
    public static Preprocessor Input { get; } = Preprocessor.Get(PreprocessingModes.Lpips);

    private static TapFeatures[] Taps(IReadOnlyList<NetworkOutput> outputs, int item) =>
        outputs.Select(o => new TapFeatures(o.Item(item), (int)o.Shape[1], (int)o.Shape[2], (int)o.Shape[3])).ToArray();

    public void Dispose() => _network.Dispose();
}
