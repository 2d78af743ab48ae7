using System.CommandLine;
using OmniContextEval.Core.Scoring;

namespace OmniContextEval.Cli.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public static Option<string?> Spec() => new("--spec")
    {
        Description = "Scoring specification YAML (default: the built-in scoring-spec.v1.yaml).",
    };

    public static Option<bool> Force() => new("--force")
    {
        Description = "Compare results of different suites, scoring specifications, or partial with complete results.",
    };

    /// <summary>The specification and its bytes: the file given, or the built-in one.</summary>
    public static (ScoringSpec Spec, byte[] Bytes) LoadSpec(string? path) => path is null
        ? (ScoringSpecLoader.Default(), ScoringSpecLoader.DefaultBytes())
        : (ScoringSpecLoader.Load(path), File.ReadAllBytes(path));
}
