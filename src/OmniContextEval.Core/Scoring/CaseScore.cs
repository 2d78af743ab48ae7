using OmniContextEval.Core.Results;

namespace OmniContextEval.Core.Scoring;

/// <summary>
/// The score of one output (case, seed) under a scoring specification. Scores are 0..100, higher is better;
/// <see cref="Metrics"/> keeps every raw value beside its normalised score. Written one per line to <c>scores.jsonl</c>.
/// </summary>
/// <param name="Total">Weighted total 0..100; 0 for a failed or missing generation.</param>
/// <param name="Dimensions">Dimension scores 0..100 by name; a dimension with no computed metric is absent.</param>
/// <param name="Marks">Why the score deviates from the plain formula: "failed", "missing", "no_reference",
/// "renormalised:DIM", "dimension_missing:DIM", "not_computed:METRIC", "set_level_missing".</param>
/// <param name="Partial">True when a metric was not computed for a reason other than a missing reference image.</param>
public sealed record CaseScore(
    string CaseId,
    int Seed,
    GenerationStatus Status,
    double Total,
    IReadOnlyDictionary<string, double> Dimensions,
    IReadOnlyList<MetricScore> Metrics,
    IReadOnlyDictionary<string, string> NotComputed,
    IReadOnlyList<string> Marks,
    IReadOnlyList<string> Flags,
    bool Partial,
    string? Error = null);

/// <summary>One metric of one output: raw value in the metric's units and its normalised score 0..100.</summary>
/// <param name="Raw">The raw value (for per-item metrics: the same aggregation of the raw items).</param>
/// <param name="ItemScores">Per-item normalised scores (subjects, checklist items, keywords), or null.</param>
public sealed record MetricScore(string Name, double Raw, double Score, IReadOnlyList<double>? ItemScores = null);
