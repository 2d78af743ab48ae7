using OmniContextEval.Core.Cases;
using OmniContextEval.Imaging;

namespace OmniContextEval.Generation.Adapters;

/// <summary>
/// Precomputed images in the results layout: {source}/seed-{S}/fullset/{task_type}/{key}.png (or .jpg, .jpeg, .webp);
/// a source with a plain published layout, {source}/fullset/..., serves seed 0 only. An absent image is Missing,
/// never skipped; one that cannot be decoded is Failed with the decoder's message.
/// </summary>
public sealed class FolderImageGenerator(string sourceDirectory, ImageLoading? loading = null) : IImageGenerator
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".webp"];
    private readonly ImageLoading _loading = loading ?? ImageLoading.Default;

    public GeneratorIdentity Identity { get; } = new("folder", "folder/1", Settings: Path.GetFullPath(sourceDirectory));
    public int BatchSize => 1;
    public int Parallelism => Environment.ProcessorCount;

    public Task<IReadOnlyList<GenerationOutcome>> GenerateAsync(IReadOnlyList<GenerationRequest> batch, CancellationToken cancellation) =>
        Task.FromResult<IReadOnlyList<GenerationOutcome>>(batch.Select(Load).ToList());

    private GenerationOutcome Load(GenerationRequest request)
    {
        var path = Find(request);
        if (path is null)
            return GenerationOutcome.Missing($"no image for case {request.Case.Id} seed {request.Seed} under {sourceDirectory} (looked for {Candidates(request).First()})");
        try { return GenerationOutcome.Ok(_loading.LoadFile(path)); }
        catch (ImageDecodeException e) { return GenerationOutcome.Failed(e.Message); }
    }

    private string? Find(GenerationRequest request) => Candidates(request).FirstOrDefault(File.Exists);

    private IEnumerable<string> Candidates(GenerationRequest request)
    {
        var relative = Path.Combine("fullset", SubtaskInfo.PublishedName(request.Case.Subtask), request.Case.Id);
        foreach (var ext in Extensions) yield return Path.Combine(sourceDirectory, $"seed-{request.Seed}", relative + ext);
        if (request.Seed == 0 && !Directory.EnumerateDirectories(sourceDirectory, "seed-*").Any())
            foreach (var ext in Extensions) yield return Path.Combine(sourceDirectory, relative + ext);
    }
}
