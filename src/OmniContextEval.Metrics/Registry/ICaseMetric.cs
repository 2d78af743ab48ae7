using OmniContextEval.Core.Catalogue;
using OmniContextEval.Metrics.Measuring;

namespace OmniContextEval.Metrics.Registry;

/// <summary>
/// One per-output metric: what it declares (<see cref="Info"/>) and how it computes its value from one case's
/// context. Adding a metric is one class implementing this plus one line in <see cref="MetricRegistry.CreateDefault"/>
/// (or <see cref="MetricRegistry.Add"/> on a registry of your own); see docs/adding-a-metric.md.
/// </summary>
public interface ICaseMetric
{
    /// <summary>Name, unit, direction, inputs, version and aggregation; <see cref="MetricInfo.Level"/> is <see cref="MetricLevel.Case"/>.</summary>
    MetricInfo Info { get; }

    /// <summary>Texts this metric needs embedded by the CLIP text tower for this request (none by default).</summary>
    IEnumerable<string> Texts(ScoringRequest request) => [];

    /// <summary>The value for one output that exists (generation succeeded); called once per output, possibly in parallel across outputs.</summary>
    MetricOutcome Compute(CaseMetricContext context);
}

/// <summary>A metric's result for one output: the scalar, its per-item values, or why there is no value.</summary>
/// <param name="Value">The raw scalar in the metric's unit; null or non-finite when not computed.</param>
/// <param name="PerItem">Per-item values (per subject, keyword, checklist item), recorded when not empty.</param>
/// <param name="WhyNot">Why there is no value (recorded in <c>not_computed</c>); "no value" when null.</param>
public sealed record MetricOutcome(double? Value, IReadOnlyList<double>? PerItem = null, string? WhyNot = null)
{
    public static MetricOutcome Of(double value, IReadOnlyList<double>? perItem = null) => new(value, perItem);

    public static MetricOutcome NotComputed(string why, IReadOnlyList<double>? perItem = null) => new(null, perItem, why);
}
