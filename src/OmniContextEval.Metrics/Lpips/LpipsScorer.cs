using OmniContextEval.Core;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Lpips;

/// <summary>
/// LPIPS v0.1 between two equal-size RGB images: pixels to [-1, 1] by the "lpips" preprocessing mode (x / 127.5 - 1,
/// as PerceptualSimilarity's <c>im2tensor</c>), the backbone graph (its first operation is the LPIPS scaling layer) gives the five ReLU taps,
/// <see cref="LpipsDistance"/> combines them with the linear weights named by the model entry
/// (extra "linWeights" file, "linKey" entry). Lower is more similar. The session belongs to the caller's pool.
/// </summary>
public sealed class LpipsScorer
{
    private LpipsScorer(ModelSession session, LpipsLinearWeights weights, string weightsSha256)
    {
        Session = session;
        Weights = weights;
        WeightsSha256 = weightsSha256;
    }

    public ModelSession Session { get; }
    public LpipsLinearWeights Weights { get; }
    /// <summary>SHA-256 of the linear-weights file (with the model's, it identifies cached distances).</summary>
    public string WeightsSha256 { get; }

    public string ModelName => Session.Entry.Name;

    /// <summary>The network input: the "lpips" preprocessing mode at the image's own size.</summary>
    public static Preprocessor Input { get; } = Preprocessor.Get(PreprocessingModes.Lpips);

    /// <summary>A scorer on the pool's session for backbone <paramref name="net"/> (alex, vgg).</summary>
    public static LpipsScorer Create(ModelSessionPool pool, string net)
    {
        var session = pool.Get(LpipsNet.ModelName(net));
        var extra = session.Entry.Extra;
        if (extra is null || !extra.TryGetValue("linWeights", out var file) || !extra.TryGetValue("linKey", out var key))
            throw new HarnessException($"model '{session.Entry.Name}': models.json entry needs extra.linWeights and extra.linKey", ExitCodes.ModelError);
        var path = Path.Combine(pool.Registry.Folder, file);
        var weights = LpipsLinearWeights.Load(path, key);
        return new LpipsScorer(session, weights, FileHashes.Sha256(path));
    }

    /// <summary>LPIPS of one pair (both images run as one batch of 2).</summary>
    public double Distance(RgbImage a, RgbImage b)
    {
        if (a.Width != b.Width || a.Height != b.Height)
            throw new HarnessException($"LPIPS: images differ in size ({a.Width}x{a.Height} and {b.Width}x{b.Height}); resize them to one size first");
        var (input, shape) = Input.CreateBatch([a, b]);
        var outputs = Session.Run(input, [.. shape.Select(d => (long)d)]);
        if (outputs.Any(o => !o.ItemIsFinite(0) || !o.ItemIsFinite(1)))
            throw new HarnessException($"LPIPS: network '{ModelName}' gave non-finite taps", ExitCodes.InvalidInput);
        return LpipsDistance.Compute(Taps(outputs, 0), Taps(outputs, 1), Weights);
    }

    /// <summary>LPIPS from the taps of two images (per image: each output's values and its shape without the batch axis).</summary>
    public double Distance(IReadOnlyList<float[]> tapsA, IReadOnlyList<long[]> shapesA, IReadOnlyList<float[]> tapsB, IReadOnlyList<long[]> shapesB) =>
        LpipsDistance.Compute(Taps(tapsA, shapesA), Taps(tapsB, shapesB), Weights);

    private static TapFeatures[] Taps(IReadOnlyList<TensorOutput> outputs, int item) =>
        outputs.Select(o => new TapFeatures(o.Item(item), (int)o.Shape[1], (int)o.Shape[2], (int)o.Shape[3])).ToArray();

    private static TapFeatures[] Taps(IReadOnlyList<float[]> values, IReadOnlyList<long[]> shapes) =>
        values.Select((v, i) => new TapFeatures(v, (int)shapes[i][0], (int)shapes[i][1], (int)shapes[i][2])).ToArray();
}
