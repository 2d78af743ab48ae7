using OmniContextEval.Metrics.Engine;

namespace OmniContextEval.Metrics.Measuring;

/// <summary>
/// Every distinct image a scoring run reads, each once, request by request: the case's reference, its input images,
/// then the output, so an output comes right after its reference and pair metrics hold few images at a time.
/// </summary>
internal sealed class ScoringImages
{
    private readonly Dictionary<string, int> indexOf = new(StringComparer.Ordinal);
    private readonly List<ImageInput> images = [];

    public ScoringImages(IReadOnlyList<ScoringRequest> requests)
    {
        foreach (var r in requests)
        {
            var reference = r.ReferencePath is { } path ? Add(path) : -1;
            foreach (var input in r.InputPaths)
                Embedded.Add(Add(input));
            if (r.OutputImage is null) continue;
            var output = Add(Path.GetFullPath(r.OutputImage));
            Embedded.Add(output);
            Outputs.Add(output);
            if (reference < 0) continue;
            if (!References.Contains(reference)) References.Add(reference);
            Pairs.Add(new ReferencePair(output, reference));
        }
    }

    public IReadOnlyList<ImageInput> Images => images;
    /// <summary>Images the CLIP and DINOv2 networks embed: outputs and input images.</summary>
    public HashSet<int> Embedded { get; } = [];
    /// <summary>Output images in request order.</summary>
    public List<int> Outputs { get; } = [];
    /// <summary>Distinct reference images in order of first use.</summary>
    public List<int> References { get; } = [];
    /// <summary>Each output with a reference image.</summary>
    public List<ReferencePair> Pairs { get; } = [];

    public int IndexOf(string path) => indexOf[path];

    /// <summary>Reads every image's content hash, in parallel (an unreadable file is reported by the pass).</summary>
    public void HashAll(CancellationToken cancel) =>
        Parallel.ForEach(images, new ParallelOptions { CancellationToken = cancel }, image =>
        {
            try { _ = image.ContentHash; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        });

    /// <summary>The image's hash, or null when it cannot be read.</summary>
    public string? HashOf(int index)
    {
        try { return images[index].ContentHash; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private int Add(string path)
    {
        if (!indexOf.TryGetValue(path, out var index))
        {
            indexOf[path] = index = images.Count;
            images.Add(ImageInput.FromFile(path));
        }
        return index;
    }
}

/// <summary>An output image and its case's reference image, as indices into <see cref="ScoringImages.Images"/>.</summary>
internal readonly record struct ReferencePair(int Output, int Reference);
