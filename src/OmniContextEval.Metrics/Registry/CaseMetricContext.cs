using OmniContextEval.Core;
using OmniContextEval.Metrics.Dino;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Measuring;

namespace OmniContextEval.Metrics.Registry;

/// <summary>An image network's features for one output and its input images, or why there are none.</summary>
/// <param name="Output">The output's features; null when the network is absent or the output failed.</param>
/// <param name="Inputs">Each input image's features, in case order (null where absent or failed).</param>
/// <param name="WhyNot">Why the output has no features (model missing or image failed); null when it has them.</param>
public sealed record NetworkFeatures(FeatureResult? Output, IReadOnlyList<FeatureResult?> Inputs, string? WhyNot);

/// <summary>
/// What the engine computed for one output, read by every <see cref="ICaseMetric"/>: image-network features by
/// network name, text embeddings, reference-pair values and DINOv2 subject matches. One per output; not shared
/// across threads.
/// </summary>
public sealed class CaseMetricContext
{
    private readonly IReadOnlyDictionary<string, NetworkFeatures> images;
    private readonly IReadOnlyDictionary<string, float[]> texts;
    private readonly Func<string, (IReadOnlyDictionary<string, double> Values, string? Error)> referenceValues;
    private readonly Func<string, string, CellBox, double?> subjectScore;
    private readonly IReadOnlyDictionary<string, string> missing;
    private readonly List<string> errors;
    private (IReadOnlyDictionary<string, double> Values, string? Error)? reference;

    internal CaseMetricContext(ScoringRequest request, string outputPath, IReadOnlyList<string> inputPaths,
        IReadOnlyDictionary<string, NetworkFeatures> images, IReadOnlyDictionary<string, float[]> texts, IReadOnlyList<string> allTexts,
        Func<string, (IReadOnlyDictionary<string, double> Values, string? Error)> referenceValues,
        Func<string, string, CellBox, double?> subjectScore, IReadOnlyDictionary<string, string> missing, List<string> errors)
    {
        Request = request;
        OutputPath = outputPath;
        InputPaths = inputPaths;
        this.images = images;
        this.texts = texts;
        AllTexts = allTexts;
        this.referenceValues = referenceValues;
        this.subjectScore = subjectScore;
        this.missing = missing;
        this.errors = errors;
    }

    public ScoringRequest Request { get; }
    /// <summary>The output image's full path.</summary>
    public string OutputPath { get; }
    /// <summary>The case's input images' full paths, in case order.</summary>
    public IReadOnlyList<string> InputPaths { get; }
    /// <summary>Every text some registered metric needs for this request.</summary>
    public IReadOnlyList<string> AllTexts { get; }

    /// <summary>The features of an image network (by registry name); an unknown name throws, listing the known ones.</summary>
    public NetworkFeatures Image(string network) =>
        images.TryGetValue(network, out var features) ? features
        : throw new HarnessException($"no image-network features '{network}'; known: {string.Join(", ", images.Keys)}");

    /// <summary>Why the network is unavailable in this run, or null when it is loaded.</summary>
    public string? Missing(string network) => missing.GetValueOrDefault(network);

    /// <summary>The CLIP text embedding of a text, or null (text model absent, or its output was not finite).</summary>
    public float[]? Text(string text) => texts.GetValueOrDefault(text);

    /// <summary>Whether every one of the texts has an embedding.</summary>
    public bool HasTexts(IEnumerable<string> needed) => needed.All(texts.ContainsKey);

    /// <summary>Values against the reference image by metric name (null when the case has none), computed once; its error is recorded.</summary>
    public (IReadOnlyDictionary<string, double> Values, string? Error)? Reference()
    {
        if (Request.ReferencePath is null) return null;
        if (reference is null)
        {
            reference = referenceValues(OutputPath);
            if (reference.Value.Error is { } error) errors.Add(error);
        }
        return reference;
    }

    /// <summary>The DINOv2 region match of (output, input image, subject cells), or null when not computed.</summary>
    public double? SubjectScore(string inputPath, CellBox cells) => subjectScore(OutputPath, inputPath, cells);

    /// <summary>Records a problem for the output's <c>error</c> field (the metric still reports its own outcome).</summary>
    public void AddError(string error) => errors.Add(error);
}
