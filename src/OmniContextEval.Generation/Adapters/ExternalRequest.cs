using System.Text.Json.Serialization;

namespace OmniContextEval.Generation.Adapters;

/// <summary>
/// The JSON an external generator receives (on stdin for <c>command</c>, as the POST body for <c>http</c>).
/// Paths are absolute; width and height in pixels; <see cref="OutputPath"/> is where a command may write its image.
/// </summary>
public sealed record ExternalItem(
    string CaseId, int Seed, string TaskType, string Instruction, IReadOnlyDictionary<string, string> Instructions,
    IReadOnlyList<string> InputImages, int Width, int Height, string? OutputPath = null)
{
    public static ExternalItem From(GenerationRequest r, string? outputPath = null) => new(
        r.Case.Id, r.Seed, Core.Cases.SubtaskInfo.PublishedName(r.Case.Subtask), r.Case.EnglishInstruction, r.Case.Instruction,
        r.Case.InputImages.Select((_, i) => r.InputPath(i)).ToList(), r.Width, r.Height, outputPath);
}

/// <summary>A batch request: <c>{"schemaVersion": 1, "items": [...]}</c>.</summary>
public sealed record ExternalBatch(int SchemaVersion, IReadOnlyList<ExternalItem> Items);

/// <summary>
/// One result: the image as a file <see cref="Path"/> (command), as <see cref="Base64"/> bytes or at a <see cref="Url"/>
/// (http), or an <see cref="Error"/>.
/// </summary>
public sealed record ExternalResult(string? CaseId, int? Seed, string? Path, string? Base64, string? Url, string? Error);

/// <summary>A command's stdout: <c>{"images": [{"caseId", "seed", "path"}, ...]}</c>.</summary>
public sealed record ExternalBatchResult([property: JsonRequired] IReadOnlyList<ExternalResult> Images);
