using System.Diagnostics;
using System.Runtime.InteropServices;
using OmniContextEval.Core;
using OmniContextEval.Core.Results;

namespace OmniContextEval.Reports.Results;

/// <summary>Where a result came from: harness build, machine, generator configuration, model hashes and timings.</summary>
/// <param name="GitCommit">Commit of the harness sources, or "unknown" outside a git checkout.</param>
/// <param name="Models">sha256 of every model file the metric engine used, by model name.</param>
/// <param name="TimingsSeconds">Wall-clock seconds per pipeline stage (generate, measure, score, report).</param>
/// <param name="Inference">The inference runtime and the device the networks ran on; null in results written before it was recorded.</param>
public sealed record Provenance(
    string HarnessVersion,
    string GitCommit,
    MachineInfo Machine,
    GeneratorProvenance Generator,
    IReadOnlyDictionary<string, string> Models,
    IReadOnlyDictionary<string, double> TimingsSeconds,
    InferenceInfo? Inference = null);

/// <summary>The machine a run used.</summary>
public sealed record MachineInfo(string Os, string Architecture, int Cores, string Runtime)
{
    public static MachineInfo Current() => new(RuntimeInformation.OSDescription, RuntimeInformation.OSArchitecture.ToString(),
        Environment.ProcessorCount, RuntimeInformation.FrameworkDescription);
}

/// <summary>The generator as results record it: its name, the hash of its configuration and the configuration itself (key = value), from the generator's GeneratorIdentity.</summary>
public sealed record GeneratorProvenance(string Name, string ConfigHash, IReadOnlyDictionary<string, string> Config)
{
    public static GeneratorProvenance Unknown { get; } = new("unknown", "", new Dictionary<string, string>());
}

/// <summary>Collects build and machine facts for <see cref="Provenance"/>.</summary>
public static class ProvenanceCollector
{
    /// <summary>Provenance of this process with the given generator, models and timings.</summary>
    public static Provenance Collect(GeneratorProvenance generator, IReadOnlyDictionary<string, string> models,
        IReadOnlyDictionary<string, double> timings, InferenceInfo? inference = null) =>
        new(HarnessInfo.Version, GitCommit(AppContext.BaseDirectory), MachineInfo.Current(), generator, models, timings, inference);

    /// <summary>HEAD of the git checkout holding <paramref name="folder"/>, or "unknown".</summary>
    public static string GitCommit(string folder)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", folder, "rev-parse", "HEAD"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            if (git is null) return "unknown";
            var output = git.StandardOutput.ReadToEnd().Trim();
            return git.WaitForExit(5000) && git.ExitCode == 0 && output.Length == 40 ? output : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
