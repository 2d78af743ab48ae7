using System.Text.Json;
using OmniContextEval.Core;

namespace OmniContextEval.Generation.Running;

/// <summary>
/// The JSON file beside each image: how it was made. Written after the image, atomically, so its presence with a
/// matching <see cref="ConfigHash"/> means the image is complete and current.
/// </summary>
/// <param name="WallSeconds">Time spent generating this image, in seconds (batches are split evenly).</param>
public sealed record GenerationSidecar(
    string CaseId,
    int Seed,
    string Generator,
    string GeneratorVersion,
    int Width,
    int Height,
    int? Steps,
    string? Solver,
    double? TextGuidance,
    double? ImageGuidance,
    double[]? CfgRange,
    string? Shift,
    string? ModelHash,
    string? Settings,
    string ConfigHash,
    double WallSeconds,
    string HarnessVersion)
{
    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions.Indented) + "\n");

    /// <summary>The sidecar at <paramref name="path"/>, or null when it is absent or unreadable (then the image is regenerated).</summary>
    public static GenerationSidecar? TryRead(string path)
    {
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<GenerationSidecar>(File.ReadAllText(path), JsonOptions.Indented); }
        catch (JsonException) { return null; }
    }
}
