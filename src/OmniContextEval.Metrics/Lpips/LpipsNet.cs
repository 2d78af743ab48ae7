using OmniContextEval.Core;

namespace OmniContextEval.Metrics.Lpips;

/// <summary>LPIPS backbones: their models.json names.</summary>
public static class LpipsNet
{
    public static readonly IReadOnlyList<string> Names = ["alex", "vgg"];

    /// <summary>"alex" -> "lpips-alex"; unknown names are a usage error listing the known ones.</summary>
    public static string ModelName(string net) => Names.Contains(net)
        ? "lpips-" + net
        : throw new InvalidSettingException("net", $"unknown LPIPS network '{net}' ({string.Join(", ", Names)})");
}
