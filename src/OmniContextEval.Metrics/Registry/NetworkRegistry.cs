using OmniContextEval.Core;
using OmniContextEval.Metrics.Measuring;
using OmniContextEval.Metrics.Registry.BuiltIn;

namespace OmniContextEval.Metrics.Registry;

/// <summary>The networks a scoring run can use, by manifest name; unknown names are rejected with the known ones.</summary>
public sealed class NetworkRegistry
{
    private readonly List<NetworkInfo> networks = [];

    /// <summary>The five networks the harness ships support for, in the order they are opened.</summary>
    public static NetworkRegistry Default { get; } = new NetworkRegistry()
        .Add(new NetworkInfo(ScoringModelNames.ClipImage, NetworkRole.ImageEmbedding, "CLIP ViT-B/32 image tower",
            NetworkOpeners.ImageEmbedding(ScoringModelNames.ClipImage)))
        .Add(new NetworkInfo(ScoringModelNames.ClipText, NetworkRole.TextEmbedding, "CLIP ViT-B/32 text tower",
            NetworkOpeners.ClipText(ScoringModelNames.ClipText)))
        .Add(new NetworkInfo(ScoringModelNames.DinoV2, NetworkRole.ImageEmbedding, "DINOv2 ViT-S/14: CLS token and patch tokens",
            NetworkOpeners.ImageEmbedding(ScoringModelNames.DinoV2)))
        .Add(new NetworkInfo(ScoringModelNames.Inception, NetworkRole.SetFeatures, "pytorch-fid's Inception-v3, pool3 features",
            NetworkOpeners.Inception(ScoringModelNames.Inception)))
        .Add(new NetworkInfo(ScoringModelNames.Lpips, NetworkRole.PairDistance, "LPIPS with the AlexNet backbone",
            NetworkOpeners.Lpips("alex")));

    public IReadOnlyList<NetworkInfo> Networks => networks;

    /// <summary>Registers a network; a second one of the same name is an error.</summary>
    public NetworkRegistry Add(NetworkInfo network)
    {
        if (networks.Any(n => n.Name == network.Name))
            throw new ArgumentException($"network '{network.Name}' is already registered");
        networks.Add(network);
        return this;
    }

    public bool Contains(string name) => networks.Any(n => n.Name == name);

    /// <summary>The network of that name; an unknown name throws, listing the known ones.</summary>
    public NetworkInfo Get(string name) =>
        networks.FirstOrDefault(n => n.Name == name)
        ?? throw new HarnessException($"unknown network '{name}'; known networks: {string.Join(", ", networks.Select(n => n.Name))}");
}
