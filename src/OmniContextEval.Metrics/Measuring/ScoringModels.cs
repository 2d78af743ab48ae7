using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Registry;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Measuring;

/// <summary>
/// The networks a scoring run has, opened by name from a <see cref="NetworkRegistry"/>, with the feature cache they
/// share: each may be absent (then <see cref="Missing"/> says why and the metrics that need it are recorded as not
/// computed). A model that is listed but broken is an error, never skipped.
/// </summary>
public sealed class ScoringModels
{
    private readonly IReadOnlyDictionary<string, object> networks;

    private ScoringModels(FeatureCache? cache, IReadOnlyDictionary<string, object> networks, IReadOnlyList<string> loaded,
        IReadOnlyDictionary<string, string> missing)
    {
        Cache = cache;
        this.networks = networks;
        Loaded = loaded;
        Missing = missing;
    }

    public FeatureCache? Cache { get; }
    /// <summary>Names of the networks opened, in registry order.</summary>
    public IReadOnlyList<string> Loaded { get; }
    /// <summary>Model name to the reason it is unavailable.</summary>
    public IReadOnlyDictionary<string, string> Missing { get; }

    /// <summary>
    /// The opened network of that name as <typeparamref name="T"/> (e.g. <see cref="ImageFeatureExtractor"/> for
    /// <see cref="ScoringModelNames.DinoV2"/>), or null when it is absent; a network of another type is a programming error.
    /// </summary>
    public T? Get<T>(string name) where T : class => networks.GetValueOrDefault(name) switch
    {
        null => null,
        T network => network,
        var other => throw new InvalidOperationException($"network '{name}' is a {other.GetType().Name}, not a {typeof(T).Name}"),
    };

    /// <summary>Opens (and verifies) every network of <paramref name="registry"/> (default <see cref="NetworkRegistry.Default"/>) that the pool's folder lists.</summary>
    public static ScoringModels Load(ModelSessionPool pool, FeatureCache? cache, EngineOptions? options = null, NetworkRegistry? registry = null)
    {
        var opened = new Dictionary<string, object>();
        var loaded = new List<string>();
        var missing = new Dictionary<string, string>();
        var context = new NetworkOpenContext(pool, cache, options);
        foreach (var network in (registry ?? NetworkRegistry.Default).Networks)
        {
            if (!pool.Has(network.Name))
            {
                missing[network.Name] = $"model '{network.Name}' is not in {pool.Registry.Folder}";
                continue;
            }
            var opening = network.Open(context);
            if (opening.Network is { } instance)
            {
                opened[network.Name] = instance;
                loaded.Add(network.Name);
            }
            else
                missing[network.Name] = opening.WhyMissing ?? $"model '{network.Name}' could not be opened";
        }
        return new ScoringModels(cache, opened, loaded, missing);
    }
}
