using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Results;
using OmniContextEval.Imaging;

namespace OmniContextEval.Generation.Adapters;

/// <summary>One image to make: a case, a seed and the output size in pixels.</summary>
/// <param name="SuiteDirectory">The suite folder the case's image paths are relative to.</param>
public sealed record GenerationRequest(BenchmarkCase Case, string SuiteDirectory, int Seed, int Width, int Height)
{
    public string InputPath(int index) => Path.GetFullPath(Path.Combine(SuiteDirectory, Case.InputImages[index]));
}

/// <summary>What a generator gave for one request: an image (Ok) or why not (Failed, Missing).</summary>
public sealed record GenerationOutcome(GenerationStatus Status, RgbImage? Image, string? Error)
{
    public static GenerationOutcome Ok(RgbImage image) => new(GenerationStatus.Ok, image, null);
    public static GenerationOutcome Failed(string error) => new(GenerationStatus.Failed, null, error);
    public static GenerationOutcome Missing(string error) => new(GenerationStatus.Missing, null, error);
}

/// <summary>
/// What the generator is, for sidecars and the config hash: a change in any field regenerates its outputs.
/// Sampler fields are null for generators the harness does not drive step by step.
/// </summary>
public sealed record GeneratorIdentity(
    string Name,
    string Version,
    string? ModelHash = null,
    int? Steps = null,
    string? Solver = null,
    double? TextGuidance = null,
    double? ImageGuidance = null,
    double[]? CfgRange = null,
    string? Shift = null,
    string? Settings = null);

/// <summary>A source of images for (case, seed) requests: the built-in sampler, an ONNX model, a folder, a process or a server.</summary>
public interface IImageGenerator
{
    GeneratorIdentity Identity { get; }

    /// <summary>How many requests one <see cref="GenerateAsync"/> call takes at most.</summary>
    int BatchSize { get; }

    /// <summary>How many batches may run at once.</summary>
    int Parallelism { get; }

    /// <summary>
    /// One outcome per request, in order. A failure of one request is an outcome, not an exception; only
    /// cancellation escapes.
    /// </summary>
    Task<IReadOnlyList<GenerationOutcome>> GenerateAsync(IReadOnlyList<GenerationRequest> batch, CancellationToken cancellation);
}
