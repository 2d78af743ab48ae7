namespace OmniContextEval.Core.Catalogue;

/// <summary>Which way a metric's raw values are better.</summary>
public enum MetricDirection
{
    /// <summary>Larger raw values are better (cosines, probabilities, PSNR, SSIM).</summary>
    HigherIsBetter,
    /// <summary>Smaller raw values are better (distances: LPIPS, FID, KID).</summary>
    LowerIsBetter,
}

/// <summary>Whether a metric has one value per output (case, seed) or one per run.</summary>
public enum MetricLevel
{
    /// <summary>One value per output, in <c>metrics.raw.jsonl</c>.</summary>
    Case,
    /// <summary>One value over all outputs of a run, in <c>metrics.set.json</c> (FID, KID).</summary>
    Set,
}

/// <summary>
/// What a metric declares about itself: the name the scoring specification and the results use, its unit, which way
/// is better, what it reads (networks by registry name, images, case fields), its version (bump it when its values
/// change) and how per-item values become the scalar.
/// </summary>
/// <param name="Unit">Unit and range of the raw value, e.g. "cosine, -1..1" or "dB".</param>
/// <param name="Inputs">What it reads, e.g. "network:clip-vit-b32-image", "image:output", "image:reference", "case:keywords".</param>
/// <param name="Aggregation">How its per-item values (if any) become the scalar, e.g. "mean over input images"; "none" when it has none.</param>
public sealed record MetricInfo(
    string Name,
    string Unit,
    MetricDirection Direction,
    IReadOnlyList<string> Inputs,
    string Version,
    string Aggregation,
    string Description,
    MetricLevel Level = MetricLevel.Case);

/// <summary>The metrics an engine can compute, by name; the scoring specification is checked against it.</summary>
public interface IMetricCatalogue
{
    /// <summary>Every known metric, in registration order.</summary>
    IReadOnlyList<MetricInfo> Metrics { get; }
}

/// <summary>Lookups shared by every catalogue.</summary>
public static class MetricCatalogueExtensions
{
    /// <summary>The metric of that name, or null.</summary>
    public static MetricInfo? Find(this IMetricCatalogue catalogue, string name) =>
        catalogue.Metrics.FirstOrDefault(m => m.Name == name);

    /// <summary>The known names, comma-separated, for error messages.</summary>
    public static string KnownNames(this IMetricCatalogue catalogue) => string.Join(", ", catalogue.Metrics.Select(m => m.Name));

    /// <summary>The metric of that name; an unknown name throws, listing the known ones.</summary>
    public static MetricInfo Get(this IMetricCatalogue catalogue, string name) =>
        catalogue.Find(name) ?? throw new HarnessException($"unknown metric '{name}'; known metrics: {catalogue.KnownNames()}");
}
