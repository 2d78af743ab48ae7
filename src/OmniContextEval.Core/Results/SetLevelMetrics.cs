namespace OmniContextEval.Core.Results;

/// <summary>
/// Metrics computed once over all outputs of a run (FID, KID), written to <c>metrics.set.json</c>.
/// A metric that could not be computed is absent from <see cref="Metrics"/> and named in <see cref="NotComputed"/>.
/// </summary>
/// <param name="Metrics">Raw values by name (see <see cref="SetMetricNames"/>), lower is better for both.</param>
/// <param name="SampleCount">Outputs the statistics were computed over; FID below 2048 samples is biased upward.</param>
/// <param name="Spread">Standard deviations where the metric has one (KID over its subsets), by name.</param>
public sealed record SetLevelMetrics(
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, string> NotComputed,
    int SampleCount,
    IReadOnlyDictionary<string, double>? Spread = null)
{
    /// <summary>No set-level metric computed (none requested or none available).</summary>
    public static SetLevelMetrics None(string reason) => new(
        new Dictionary<string, double>(),
        new Dictionary<string, string> { [SetMetricNames.Fid] = reason, [SetMetricNames.Kid] = reason },
        0);
}

/// <summary>Names of set-level metrics shared by the metric engine and the scoring specification.</summary>
public static class SetMetricNames
{
    /// <summary>Fréchet Inception Distance between outputs and references, >= 0, lower is better.</summary>
    public const string Fid = "fid";
    /// <summary>Kernel Inception Distance (mean over subsets), lower is better.</summary>
    public const string Kid = "kid";
}
