using System.CommandLine;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Metrics.Registry;

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

    /// <summary><c>--device</c>: where networks run; auto takes CUDA where its libraries load, else the CPU.</summary>
    public static Option<string> Device() => new("--device")
    {
        Description = "Where the networks run: cpu, cuda, tensorrt or auto (CUDA where its libraries load, else CPU).",
        DefaultValueFactory = _ => "auto",
    };

    /// <summary>The specification and its bytes: the file given, or the built-in one, checked against the metric registry.</summary>
    public static (ScoringSpec Spec, byte[] Bytes) LoadSpec(string? path) => path is null
        ? (ScoringSpecLoader.Default(MetricRegistry.Default), ScoringSpecLoader.DefaultBytes())
        : (ScoringSpecLoader.Load(path, MetricRegistry.Default), File.ReadAllBytes(path));
}
