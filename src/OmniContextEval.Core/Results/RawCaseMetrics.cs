namespace OmniContextEval.Core.Results;

/// <summary>
/// Raw metric values for one output (case, seed), before normalisation. A metric that could not be
/// computed (model absent, no reference image) is absent from <see cref="Metrics"/> and named in
/// <see cref="NotComputed"/> with the reason. Written one per line to <c>metrics.raw.jsonl</c>.
/// </summary>
/// <param name="Metrics">Scalar raw values by metric name (see <see cref="MetricNames"/>), in the metric's own units.</param>
/// <param name="PerItem">Per-item values: per subject (context understanding), per checklist item, per keyword; 0..1.</param>
/// <param name="Flags">Findings such as "copy_detected:input0".</param>
public sealed record RawCaseMetrics(
    string CaseId,
    int Seed,
    GenerationStatus Status,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, IReadOnlyList<double>> PerItem,
    IReadOnlyDictionary<string, string> NotComputed,
    IReadOnlyList<string> Flags,
    string? Error = null);

/// <summary>Names of raw metrics shared by the metric engine and the scoring specification.</summary>
public static class MetricNames
{
    /// <summary>CLIP cosine between the output and the English instruction, -1..1, higher is better.</summary>
    public const string ClipText = "clip_text_cosine";
    /// <summary>CLIP-I: mean CLIP image cosine between the output and the input images, higher is better.</summary>
    public const string ClipImage = "clip_image_cosine";
    /// <summary>DINOv2 CLS cosine between output and input images (mean over inputs), higher is better.</summary>
    public const string DinoGlobal = "dino_cls_cosine";
    /// <summary>Per-subject region-level DINOv2 match (per item: one value per subject), higher is better.</summary>
    public const string DinoSubjects = "dino_subject_match";
    /// <summary>Fraction of keywords the CLIP zero-shot check finds (per item: one probability per keyword).</summary>
    public const string KeywordCoverage = "keyword_coverage";
    /// <summary>Mean zero-shot probability of the checklist items (per item: one per checklist item).</summary>
    public const string Checklist = "checklist";
    /// <summary>LPIPS distance to the reference image, 0..~1, lower is better.</summary>
    public const string LpipsReference = "lpips_reference";
    /// <summary>PSNR to the reference image in dB (capped), higher is better.</summary>
    public const string PsnrReference = "psnr_reference";
    /// <summary>SSIM to the reference image, -1..1, higher is better.</summary>
    public const string SsimReference = "ssim_reference";
}
