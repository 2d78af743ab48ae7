using OmniContextEval.Core.Cases;

namespace OmniContextEval.Generation.Running;

/// <summary>
/// Where outputs go: {out}/{method}/seed-{S}/fullset/{task_type}/{key}.png, a sidecar {key}.json beside each image,
/// and {out}/{method}/generation.jsonl. Each seed folder is a method folder in the published OmniContext layout.
/// </summary>
public sealed record OutputLayout(string OutputDirectory, string Method)
{
    public string MethodDirectory => Path.Combine(OutputDirectory, Method);
    public string LogPath => Path.Combine(MethodDirectory, "generation.jsonl");

    /// <summary>The image path relative to <see cref="MethodDirectory"/> (as recorded in generation.jsonl).</summary>
    public static string RelativeImagePath(BenchmarkCase @case, int seed) =>
        $"seed-{seed}/fullset/{SubtaskInfo.PublishedName(@case.Subtask)}/{@case.Id}.png";

    public string ImagePath(BenchmarkCase @case, int seed) => Path.Combine(MethodDirectory, RelativeImagePath(@case, seed));
    public string SidecarPath(BenchmarkCase @case, int seed) => Path.ChangeExtension(ImagePath(@case, seed), ".json");
}
