using OmniContextEval.Core.Results;
using OmniContextEval.Metrics.Measuring;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Runs;

/// <summary>
/// run.json: what the generate and measure stages recorded (seeds, generator, models, timings), written after the
/// measure stage so that <c>omnictx score</c> can re-score the folder alone. Optional for it: without it seeds come
/// from the records and provenance says "unknown". A run never reads it back.
/// </summary>
/// <param name="OutputDir">The generator's folder (images and generation.jsonl), relative to the run folder (an absolute path must lie inside it; anything else is refused on reading).</param>
/// <param name="TimingsSeconds">Wall-clock seconds per stage (generate, measure).</param>
/// <param name="MeasureTimings">Where the measure stage's time went: per network and per step (computed, cached, seconds).</param>
public sealed record RunManifest(
    string RunId,
    IReadOnlyList<int> Seeds,
    string OutputDir,
    GeneratorProvenance Generator,
    IReadOnlyDictionary<string, string> ModelHashes,
    IReadOnlyList<string> AbsentModels,
    IReadOnlyDictionary<string, double> TimingsSeconds,
    InferenceInfo? Inference = null,
    IReadOnlyList<StageTiming>? MeasureTimings = null);
