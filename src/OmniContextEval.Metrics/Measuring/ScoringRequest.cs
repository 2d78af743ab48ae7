using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Results;

namespace OmniContextEval.Metrics.Measuring;

/// <summary>One output to score: its case (image paths relative to <paramref name="SuiteDirectory"/>) and its image.</summary>
/// <param name="OutputImage">The generated image; null when generation failed or is missing.</param>
public sealed record ScoringRequest(BenchmarkCase Case, string SuiteDirectory, string? OutputImage, int Seed,
    GenerationStatus Status = GenerationStatus.Ok)
{
    public IEnumerable<string> InputPaths => Case.InputImages.Select(p => Path.GetFullPath(Path.Combine(SuiteDirectory, p)));

    public string? ReferencePath => Case.ReferenceImage is { } r ? Path.GetFullPath(Path.Combine(SuiteDirectory, r)) : null;
}
