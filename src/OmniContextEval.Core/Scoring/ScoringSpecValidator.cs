using OmniContextEval.Core.Catalogue;

namespace OmniContextEval.Core.Scoring;

/// <summary>
/// Checks a parsed specification file field by field and builds the immutable <see cref="ScoringSpec"/>. With a
/// <paramref name="catalogue"/> (the metric engine's registry) every metric name must be one it knows, at the right
/// level, and each normalisation must rise where the metric is better.
/// </summary>
internal sealed class ScoringSpecValidator(string source, IMetricCatalogue? catalogue = null)
{
    private const double Tolerance = 1e-9;

    public ScoringSpec Validate(SpecFile file, string sha256)
    {
        if (file.Version != ScoringSpecLoader.SupportedVersion)
            throw Fail("version", $"is {file.Version}; this harness reads version {ScoringSpecLoader.SupportedVersion}");
        if (string.IsNullOrWhiteSpace(file.Name)) throw Fail("name", "is missing");
        if (file.Dimensions is not { Count: > 0 }) throw Fail("dimensions", "is missing or empty");

        var normalisation = new Dictionary<string, MetricNormalisation>();
        foreach (var (metric, entry) in file.Normalisation ?? [])
            normalisation[metric] = CheckDirection(metric, Normalisation(metric, entry));
        CheckNames(file);

        var dimensions = file.Dimensions.Select(d => new DimensionSpec(d.Key, d.Value.Weight,
            Weights($"dimensions.{d.Key}.metrics", d.Value.Metrics, normalisation))).ToList();
        CheckSum("dimensions.*.weight", dimensions.Select(d => d.Weight));

        var setLevel = file.SetLevel ?? new SpecFile.WeightedEntry();
        if (setLevel.Weight is < 0 or > 1) throw Fail("set_level.weight", "must be within 0..1");
        var setMetrics = setLevel.Weight > 0 ? Weights("set_level.metrics", setLevel.Metrics, normalisation) : [];

        var stats = file.Statistics ?? new SpecFile.StatisticsEntry();
        if (stats.Confidence is <= 0 or >= 1) throw Fail("statistics.confidence", "must be between 0 and 1");
        if (stats.BootstrapResamples < 100) throw Fail("statistics.bootstrap_resamples", "must be at least 100");

        return new ScoringSpec
        {
            Version = file.Version,
            Name = file.Name,
            Sha256 = sha256,
            Dimensions = dimensions,
            PerItem = (file.PerItem ?? []).ToDictionary(p => p.Key, p => Aggregation(p.Key, p.Value)),
            Normalisation = normalisation,
            RequiresReference = new HashSet<string>(file.RequiresReference ?? []),
            SetLevel = new SetLevelSpec(setLevel.Weight, setMetrics),
            Statistics = new StatisticsSpec(stats.Confidence, stats.BootstrapResamples, stats.BootstrapSeed),
        };
    }

    private List<WeightedMetric> Weights(string field, Dictionary<string, double>? metrics,
        Dictionary<string, MetricNormalisation> normalisation)
    {
        if (metrics is not { Count: > 0 }) throw Fail(field, "is missing or empty");
        foreach (var (metric, weight) in metrics)
        {
            if (weight <= 0) throw Fail($"{field}.{metric}", "must be a positive weight");
            if (!normalisation.ContainsKey(metric)) throw Fail($"normalisation.{metric}", "is missing (every weighted metric needs one)");
        }
        CheckSum(field, metrics.Values);
        return metrics.Select(m => new WeightedMetric(m.Key, m.Value)).ToList();
    }

    private MetricNormalisation Normalisation(string metric, SpecFile.NormalisationEntry entry)
    {
        var field = $"normalisation.{metric}";
        switch (entry.Kind)
        {
            case "linear":
                if (entry.Worst is not { } worst || entry.Best is not { } best) throw Fail(field, "linear needs worst and best");
                if (worst == best) throw Fail(field, "worst and best must differ");
                return MetricNormalisation.Linear(worst, best);
            case "exp_decay":
                if (entry.Scale is not > 0) throw Fail(field, "exp_decay needs a positive scale");
                return MetricNormalisation.ExpDecay(entry.Scale.Value);
            default:
                throw Fail($"{field}.kind", $"is '{entry.Kind}'; expected linear or exp_decay");
        }
    }

    /// <summary>Every metric the file names must be in the catalogue, case metrics in dimensions, set metrics in set_level.</summary>
    private void CheckNames(SpecFile file)
    {
        if (catalogue is null) return;
        void Check(string field, string metric, MetricLevel? level = null)
        {
            var info = catalogue.Find(metric)
                ?? throw Fail($"{field}.{metric}", $"names an unknown metric; known metrics: {catalogue.KnownNames()}");
            if (level is { } l && info.Level != l)
                throw Fail($"{field}.{metric}", $"is a {info.Level.ToString().ToLowerInvariant()}-level metric; this field takes {l.ToString().ToLowerInvariant()}-level ones");
        }
        foreach (var (dimension, entry) in file.Dimensions ?? [])
            foreach (var metric in entry.Metrics?.Keys ?? Enumerable.Empty<string>())
                Check($"dimensions.{dimension}.metrics", metric, MetricLevel.Case);
        foreach (var metric in file.SetLevel?.Metrics?.Keys ?? Enumerable.Empty<string>())
            Check("set_level.metrics", metric, MetricLevel.Set);
        foreach (var metric in file.Normalisation?.Keys ?? Enumerable.Empty<string>())
            Check("normalisation", metric);
        foreach (var metric in file.PerItem?.Keys ?? Enumerable.Empty<string>())
            Check("per_item", metric, MetricLevel.Case);
        foreach (var metric in file.RequiresReference ?? [])
            Check("requires_reference", metric, MetricLevel.Case);
    }

    /// <summary>A normalisation must map better raw values to higher scores: linear best above worst for higher-is-better metrics.</summary>
    private MetricNormalisation CheckDirection(string metric, MetricNormalisation normalisation)
    {
        if (catalogue?.Find(metric) is not { } info) return normalisation;
        var rewardsHigher = normalisation.Kind == NormalisationKind.Linear && normalisation.Best > normalisation.Worst;
        if (rewardsHigher != (info.Direction == MetricDirection.HigherIsBetter))
            throw Fail($"normalisation.{metric}", info.Direction == MetricDirection.HigherIsBetter
                ? "scores lower values higher, but higher values of this metric are better (linear with best above worst)"
                : "scores higher values higher, but lower values of this metric are better (linear with best below worst, or exp_decay)");
        return normalisation;
    }

    private ItemAggregation Aggregation(string metric, string value) => value switch
    {
        "mean" => ItemAggregation.Mean,
        "min" => ItemAggregation.Min,
        "mean_min" => ItemAggregation.MeanMin,
        _ => throw Fail($"per_item.{metric}", $"is '{value}'; expected mean, min or mean_min"),
    };

    private void CheckSum(string field, IEnumerable<double> weights)
    {
        var sum = weights.Sum();
        if (Math.Abs(sum - 1) > Tolerance)
            throw Fail(field, FormattableString.Invariant($"weights sum to {sum:0.######}, not 1"));
    }

    private HarnessException Fail(string field, string problem) => new($"{source}: field '{field}' {problem}");
}
