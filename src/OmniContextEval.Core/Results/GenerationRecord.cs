namespace OmniContextEval.Core.Results;

/// <summary>What became of one (case, seed) generation. Written one per line to <c>generation.jsonl</c>.</summary>
/// <param name="OutputPath">The image, relative to the run's output folder; null unless <see cref="Status"/> is Ok.</param>
/// <param name="Error">Why it failed or is missing (exit code, stderr, timeout); null when Ok.</param>
public sealed record GenerationRecord(
    string CaseId,
    int Seed,
    GenerationStatus Status,
    string? OutputPath,
    string? Error,
    string ConfigHash,
    double WallSeconds);

public enum GenerationStatus { Ok, Failed, Missing }
