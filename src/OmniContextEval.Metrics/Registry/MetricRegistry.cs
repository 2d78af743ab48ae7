using OmniContextEval.Core;
using OmniContextEval.Core.Catalogue;
using OmniContextEval.Metrics.Registry.BuiltIn;

namespace OmniContextEval.Metrics.Registry;

/// <summary>
/// The metrics the engine computes, by name, in registration order (the order of the result files): case metrics
/// computed by <see cref="ICaseMetric"/>, set-level metrics (FID, KID) declared. It is the
/// <see cref="IMetricCatalogue"/> the scoring specification is checked against. Names are unique; an unknown name
/// is rejected with the list of known ones; a metric's network inputs must be registered networks.
/// </summary>
public sealed class MetricRegistry : IMetricCatalogue
{
    private readonly List<MetricInfo> infos = [];
    private readonly List<ICaseMetric> caseMetrics = [];

    public MetricRegistry(NetworkRegistry? networks = null) => Networks = networks ?? NetworkRegistry.Default;

    /// <summary>The built-in metrics on the default networks (a shared instance: do not add to it; use <see cref="CreateDefault"/>).</summary>
    public static MetricRegistry Default { get; } = CreateDefault();

    /// <summary>A new registry holding the built-in metrics, for adding more.</summary>
    public static MetricRegistry CreateDefault() => new MetricRegistry()
        .Add(new ClipTextCosine())
        .Add(new ClipImageCosine())
        .Add(new DinoClsCosine())
        .Add(new DinoSubjectMatch())
        .Add(new KeywordCoverage())
        .Add(new Checklist())
        .Add(new ReferencePairMetric(ReferencePairMetric.Lpips))
        .Add(new ReferencePairMetric(ReferencePairMetric.Psnr))
        .Add(new ReferencePairMetric(ReferencePairMetric.Ssim))
        .AddSetLevel(SetLevelMetricInfos.Fid)
        .AddSetLevel(SetLevelMetricInfos.Kid);

    public NetworkRegistry Networks { get; }

    public IReadOnlyList<MetricInfo> Metrics => infos;

    /// <summary>The case metrics in registration order.</summary>
    public IReadOnlyList<ICaseMetric> CaseMetrics => caseMetrics;

    /// <summary>Registers a case metric.</summary>
    public MetricRegistry Add(ICaseMetric metric)
    {
        if (metric.Info.Level != MetricLevel.Case)
            throw new ArgumentException($"metric '{metric.Info.Name}' computes per output, so its level must be Case");
        Register(metric.Info);
        caseMetrics.Add(metric);
        return this;
    }

    /// <summary>Declares a set-level metric (computed over all outputs of a run).</summary>
    public MetricRegistry AddSetLevel(MetricInfo info)
    {
        if (info.Level != MetricLevel.Set)
            throw new ArgumentException($"metric '{info.Name}' is declared set-level, so its level must be Set");
        Register(info);
        return this;
    }

    /// <summary>The metric of that name; an unknown name throws, listing the known ones.</summary>
    public MetricInfo Get(string name) => MetricCatalogueExtensions.Get(this, name);

    private void Register(MetricInfo info)
    {
        if (string.IsNullOrWhiteSpace(info.Name))
            throw new ArgumentException("a metric needs a name");
        if (infos.Any(m => m.Name == info.Name))
            throw new ArgumentException($"metric '{info.Name}' is already registered");
        foreach (var input in info.Inputs.Where(i => i.StartsWith(MetricInputs.NetworkPrefix, StringComparison.Ordinal)))
            Networks.Get(input[MetricInputs.NetworkPrefix.Length..]);
        infos.Add(info);
    }
}
