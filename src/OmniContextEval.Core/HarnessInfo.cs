using System.Reflection;

namespace OmniContextEval.Core;

/// <summary>Identity of this build of the harness, recorded in every result file.</summary>
public static class HarnessInfo
{
    public static string Version { get; } =
        typeof(HarnessInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HarnessInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
