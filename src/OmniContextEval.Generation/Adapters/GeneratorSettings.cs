using OmniContextEval.Core;
using OmniContextEval.Generation.Native;
using OmniContextEval.Generation.Networks;
using OmniContextEval.Generation.Sampling;

namespace OmniContextEval.Generation.Adapters;

/// <summary>Everything <see cref="GeneratorFactory"/> needs to build a generator by name.</summary>
/// <param name="Source">folder: the folder of precomputed images; command: the command line; http: the endpoint URL; onnx: the models folder.</param>
/// <param name="Model">onnx: the velocity network's name in the models folder's manifest.</param>
/// <param name="Sampler">native (and onnx): sampler options; null takes the generator's defaults.</param>
/// <param name="Parallelism">native: images generated at once (default: the core count).</param>
public sealed record GeneratorSettings(string Name, string? Source = null, SamplerOptions? Sampler = null, ExternalOptions? External = null, int? Parallelism = null, string? Model = null);

/// <summary>
/// The name-keyed registry of generators; an unknown or incomplete request says what exists and what is missing (a
/// missing setting is an <see cref="InvalidSettingException"/> naming it, for the command line to name its option).
/// </summary>
public static class GeneratorFactory
{
    public static readonly IReadOnlyList<string> Names = ["native", "onnx", "folder", "command", "http"];

    public static IImageGenerator Create(GeneratorSettings settings) => settings.Name switch
    {
        "native" => new NativeImageGenerator(new NativeFlowGenerator(settings.Sampler ?? new SamplerOptions { Guidance = NativeFlowGenerator.DefaultGuidance }), parallelism: settings.Parallelism),
        "onnx" => new OnnxImageGenerator(Require(settings, "the models folder"),
            settings.Model ?? throw new InvalidSettingException("model", "is needed by generator onnx (the velocity network's name in models.json)"),
            settings.Sampler ?? new SamplerOptions()),
        "folder" => new FolderImageGenerator(Directory.Exists(Require(settings, "a folder of images"))
            ? settings.Source! : throw new HarnessException($"generator folder: source folder {settings.Source} does not exist", ExitCodes.UsageError)),
        "command" => new CommandImageGenerator(Require(settings, "a command line"), External(settings)),
        "http" => new HttpImageGenerator(Uri.TryCreate(Require(settings, "a URL"), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri : throw new HarnessException($"generator http: '{settings.Source}' is not an http(s) URL", ExitCodes.UsageError), External(settings)),
        _ => throw new HarnessException($"unknown generator '{settings.Name}'; available: {string.Join(", ", Names)}", ExitCodes.UsageError),
    };

    private static string Require(GeneratorSettings settings, string what) =>
        string.IsNullOrWhiteSpace(settings.Source)
            ? throw new InvalidSettingException("source", $"is needed by generator {settings.Name} ({what})")
            : settings.Source;

    private static ExternalOptions External(GeneratorSettings settings) => settings.External ?? new ExternalOptions(TimeSpan.FromMinutes(10));
}
