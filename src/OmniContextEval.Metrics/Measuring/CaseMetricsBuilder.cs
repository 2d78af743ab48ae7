using OmniContextEval.Core.Results;
using OmniContextEval.Metrics.Dino;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Registry;

namespace OmniContextEval.Metrics.Measuring;

/// <summary>
/// Builds one case's <see cref="RawCaseMetrics"/> from features already extracted for all requests: one
/// <see cref="CaseMetricContext"/> per output, then every case metric of the <see cref="MetricRegistry"/> in order.
/// </summary>
/// <param name="imageFeatures">Per image network (registry name, in registry order): features by full image path, or null when the network is absent.</param>
/// <param name="referenceValues">PSNR, SSIM and LPIPS of an output (by full path) against its reference, and why any failed.</param>
/// <param name="subjectScore">The DINOv2 region match of (output, input image, subject cells), or null when not computed.</param>
internal sealed class CaseMetricsBuilder(ScoringModels models, MetricRegistry registry,
    IReadOnlyDictionary<string, Dictionary<string, FeatureResult>?> imageFeatures, Dictionary<string, float[]> texts,
    Func<string, (IReadOnlyDictionary<string, double> Values, string? Error)> referenceValues,
    Func<string, string, CellBox, double?> subjectScore)
{
    /// <summary>Every text a request needs embedded, metric by metric (instruction, keyword prompts, checklist statements and contrasts).</summary>
    public static IEnumerable<string> TextsOf(MetricRegistry registry, ScoringRequest r) => registry.CaseMetrics.SelectMany(m => m.Texts(r));

    public RawCaseMetrics Build(ScoringRequest r)
    {
        var metrics = new Dictionary<string, double>();
        var perItem = new Dictionary<string, IReadOnlyList<double>>();
        var notComputed = new Dictionary<string, string>();
        if (r.OutputImage is null || r.Status != GenerationStatus.Ok)
        {
            foreach (var metric in registry.CaseMetrics)
                notComputed[metric.Info.Name] = $"no output image (generation {r.Status.ToString().ToLowerInvariant()})";
            return new RawCaseMetrics(r.Case.Id, r.Seed, r.Status, metrics, perItem, notComputed, []);
        }
        var output = Path.GetFullPath(r.OutputImage);
        var inputs = r.InputPaths.ToList();
        var errors = new List<string>();
        // Outputs first, then inputs, network by network: the order their failures are reported in.
        var outputs = imageFeatures.ToDictionary(n => n.Key, n => Feature(n.Value, output, n.Key, errors));
        var features = imageFeatures.ToDictionary(n => n.Key, n => new NetworkFeatures(outputs[n.Key],
            inputs.Select(p => Feature(n.Value, p, n.Key, errors)).ToList(), Why(n.Value, n.Key, outputs[n.Key])));
        var context = new CaseMetricContext(r, output, inputs, features, texts, TextsOf(registry, r).ToList(),
            referenceValues, subjectScore, models.Missing, errors);

        foreach (var metric in registry.CaseMetrics)
        {
            var name = metric.Info.Name;
            var outcome = metric.Compute(context);
            if (outcome.PerItem is { Count: > 0 } items) perItem[name] = items;
            if (outcome.Value is { } v && double.IsFinite(v)) metrics[name] = v;
            else notComputed[name] = outcome.WhyNot ?? "no value";
        }

        // Copies: judged on DINOv2 CLS when present, else on CLIP image embeddings.
        var dino = features.GetValueOrDefault(ScoringModelNames.DinoV2);
        var global = dino?.Output is not null ? dino : features.GetValueOrDefault(ScoringModelNames.ClipImage);
        var globalIn = global?.Inputs ?? inputs.Select(_ => (FeatureResult?)null).ToList();
        var flags = CopyDetector.Detect(global?.Output?.ContentHash, globalIn.Select(f => f?.ContentHash).ToList(),
            global?.Output?.Output(), globalIn.Select(f => f?.Output()).ToList());
        return new RawCaseMetrics(r.Case.Id, r.Seed, r.Status, metrics, perItem, notComputed, flags,
            errors.Count > 0 ? string.Join("; ", errors.Distinct()) : null);
    }

    private static FeatureResult? Feature(Dictionary<string, FeatureResult>? features, string path, string model, List<string> errors)
    {
        if (features is null || !features.TryGetValue(path, out var result)) return null;
        if (result.Ok) return result;
        errors.Add($"{model}: {result.Describe()}");
        return null;
    }

    private string? Why(Dictionary<string, FeatureResult>? features, string model, FeatureResult? output) =>
        features is null ? models.Missing.GetValueOrDefault(model, $"model '{model}' unavailable")
        : output is null ? $"the output image has no {model} features" : null;
}
