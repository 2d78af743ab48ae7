using OmniContextEval.Core;
using OmniContextEval.Core.Cases;

namespace OmniContextEval.Generation.Adapters;

/// <summary>
/// Precomputed images in the results layout: {source}/seed-{S}/fullset/{task_type}/{key}.png (or .jpg, .jpeg, .webp);
/// a source with a plain published layout, {source}/fullset/..., serves seed 0 only. An absent image is Missing,
/// never skipped; one that cannot be decoded is Failed with the decoder's message. Files are opened without blocking:
/// anything that is not a regular file (a FIFO, a device, a directory named like an image) is Failed, and a symbolic
/// link is followed only when it resolves inside the source folder.
/// </summary>
public sealed class FolderImageGenerator(string sourceDirectory, ImageLoading? loading = null) : IImageGenerator
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".webp"];
    private readonly ImageLoading _loading = loading ?? ImageLoading.Default;
    private readonly string _root = RegularFile.Resolve(sourceDirectory) ?? Path.GetFullPath(sourceDirectory);

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
        var resolved = RegularFile.Resolve(path);
        if (resolved is null)
            return GenerationOutcome.Failed($"{path}: a symbolic link that does not resolve (case {request.Case.Id} seed {request.Seed})");
        if (!resolved.StartsWith(_root.TrimEnd('/') + "/", StringComparison.Ordinal))
            return GenerationOutcome.Failed($"{path}: links to {PrintableText.Escape(resolved, 300)}, outside the source folder {_root} (case {request.Case.Id} seed {request.Seed})");
        try { return GenerationOutcome.Ok(_loading.LoadFile(resolved)); }
        catch (HarnessException e) { return GenerationOutcome.Failed(PrintableText.Escape(e.Message)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return GenerationOutcome.Failed($"{path}: {PrintableText.Escape(e.Message)}");
        }
    }

    /// <summary>The first candidate with a directory entry (a file, a directory, a FIFO or a link, broken or not).</summary>
    private string? Find(GenerationRequest request) => Candidates(request).FirstOrDefault(c => Path.Exists(c) || new FileInfo(c).LinkTarget is not null);

    private IEnumerable<string> Candidates(GenerationRequest request)
    {
        var relative = Path.Combine("fullset", SubtaskInfo.PublishedName(request.Case.Subtask), request.Case.Id);
        foreach (var ext in Extensions) yield return Path.Combine(sourceDirectory, $"seed-{request.Seed}", relative + ext);
        if (request.Seed == 0 && !Directory.EnumerateDirectories(sourceDirectory, "seed-*").Any())
            foreach (var ext in Extensions) yield return Path.Combine(sourceDirectory, relative + ext);
    }
}
