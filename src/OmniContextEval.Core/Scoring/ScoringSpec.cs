namespace OmniContextEval.Core.Scoring;

/// <summary>
/// A loaded, validated scoring specification (see scoring-spec.v1.yaml for the rules it encodes).
/// Immutable; <see cref="Sha256"/> identifies the exact file, and results record it.
/// </summary>
public sealed record ScoringSpec
{
    /// <summary>Schema version of the specification file (1).</summary>
    public required int Version { get; init; }
    public required string Name { get; init; }
    /// <summary>Lower-case hex sha256 of the specification file's bytes.</summary>
    public required string Sha256 { get; init; }
    /// <summary>The dimensions in file order; their weights sum to 1.</summary>
    public required IReadOnlyList<DimensionSpec> Dimensions { get; init; }
    /// <summary>How per-item values of a metric are aggregated (metric name to rule); metrics not named use the scalar.</summary>
    public required IReadOnlyDictionary<string, ItemAggregation> PerItem { get; init; }
    /// <summary>The normalisation of every metric the specification uses, case and set level.</summary>
    public required IReadOnlyDictionary<string, MetricNormalisation> Normalisation { get; init; }
    /// <summary>Metrics that need the case's reference image; missing for a case without one is expected, not partial.</summary>
    public required IReadOnlySet<string> RequiresReference { get; init; }
    public required SetLevelSpec SetLevel { get; init; }
    public required StatisticsSpec Statistics { get; init; }

    /// <summary>The dimension that set-level metrics blend into.</summary>
    public const string VisualQuality = "visual_quality";

    public DimensionSpec Dimension(string name) =>
        Dimensions.FirstOrDefault(d => d.Name == name)
        ?? throw new HarnessException($"scoring specification '{Name}' has no dimension '{name}'");
}

/// <summary>One dimension: its weight in the total and the weights of its metrics (summing to 1).</summary>
public sealed record DimensionSpec(string Name, double Weight, IReadOnlyList<WeightedMetric> Metrics);

/// <summary>A metric name with its weight inside a dimension or the set-level score.</summary>
public sealed record WeightedMetric(string Name, double Weight);

/// <summary>How set-level metrics (FID, KID) enter each case's visual quality.</summary>
/// <param name="Weight">Share of visual quality taken by the set score, 0..1.</param>
public sealed record SetLevelSpec(double Weight, IReadOnlyList<WeightedMetric> Metrics);

/// <summary>Bootstrap settings for every confidence interval.</summary>
/// <param name="Confidence">Two-sided coverage, e.g. 0.95.</param>
public sealed record StatisticsSpec(double Confidence, int BootstrapResamples, ulong BootstrapSeed);

/// <summary>How the per-item values of one metric become one value.</summary>
public enum ItemAggregation { Mean, Min, MeanMin }
