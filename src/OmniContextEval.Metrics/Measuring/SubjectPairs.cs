using OmniContextEval.Core.Cases;
using OmniContextEval.Imaging;
using OmniContextEval.Metrics.Dino;
using OmniContextEval.Metrics.Engine;

namespace OmniContextEval.Metrics.Measuring;

/// <summary>
/// DINOv2 region-level subject matches of each output against its subjects' input images, computed in the shared
/// image pass from the patch tokens and cached per (model, subject cells, output, input), so the feature cache
/// keeps only the CLS token of each image (<see cref="NetworkJob.CachedOutputs"/>) and a re-score needs no patch token.
/// </summary>
internal sealed class SubjectPairs
{
    private readonly ScoringImages images;
    private readonly PairValueCache cache;
    private readonly string metric;
    private readonly Dictionary<(int Output, int Input, CellBox Cells), double> scores = [];
    private readonly Dictionary<(int Output, int Input), List<CellBox>> pending = [];
    private readonly Lock gate = new();

    public SubjectPairs(ScoringImages images, IReadOnlyList<ScoringRequest> requests, string dinoSha256, FeatureCache? cache)
    {
        this.images = images;
        this.cache = new PairValueCache(images, cache);
        metric = $"dino-subject/1/{dinoSha256}";
        foreach (var r in requests.Where(r => r.OutputImage is not null))
        {
            var output = images.IndexOf(Path.GetFullPath(r.OutputImage!));
            var inputs = r.InputPaths.ToList();
            foreach (var subject in r.Case.Subjects.Where(s => s.ImageIndex >= 0 && s.ImageIndex < inputs.Count))
            {
                var input = images.IndexOf(inputs[subject.ImageIndex]);
                var (cells, _) = CellsOf(subject, inputs[subject.ImageIndex]);
                if (scores.ContainsKey((output, input, cells)) || FromCache(output, input, cells)) continue;
                if (!pending.TryGetValue((output, input), out var list)) pending[(output, input)] = list = [];
                if (!list.Contains(cells)) list.Add(cells);
            }
        }
    }

    /// <summary>Images whose patch tokens some uncached match needs.</summary>
    public IReadOnlySet<int> NeedPatches => pending.Keys.SelectMany(p => new[] { p.Output, p.Input }).ToHashSet();

    /// <summary>A DINOv2 sink that computes the pending matches as both images' patch tokens arrive.</summary>
    public Action<int, FeatureResult> Collector(Action<int, FeatureResult> next)
    {
        var keys = pending.Keys.ToList();
        var collector = new PairCollector<FeatureResult>(keys.Select(k => (k.Output, k.Input)).ToList(), (p, output, input) =>
        {
            if (output?.Outputs is not { Length: > 1 } || input?.Outputs is not { Length: > 1 }) return; // failures are reported with the CLS
            foreach (var cells in pending[keys[p]])
                Computed(keys[p].Output, keys[p].Input, cells,
                    SubjectRegionMatcher.Match(input.Output(1), cells, output.Output(1), PatchGrid.DinoV2.Size));
        });
        return (image, result) =>
        {
            collector.Add(image, result.Ok ? result : null);
            next(image, result);
        };
    }

    /// <summary>Writes the newly computed matches to the cache.</summary>
    public void Store() => cache.Store();

    /// <summary>The match of the subject in <paramref name="cells"/> of the input image against the output, or null when not computed.</summary>
    public double? Score(string output, string input, CellBox cells) =>
        scores.TryGetValue((images.IndexOf(output), images.IndexOf(input), cells), out var s) ? s : null;

    /// <summary>The subject's cells in the DINOv2 grid, and why its box could not be placed (then the whole grid).</summary>
    public static (CellBox Cells, string? Error) CellsOf(Subject subject, string inputPath)
    {
        var grid = PatchGrid.DinoV2;
        if (subject.Box is null) return (new CellBox(0, 0, grid.Size, grid.Size), null);
        try
        {
            var info = ImageDecoder.ReadInfo(inputPath);
            return (grid.Map(subject.Box, info.Width, info.Height), null);
        }
        catch (ImageDecodeException e)
        {
            return (new CellBox(0, 0, grid.Size, grid.Size), $"subject '{subject.Name}': {e.Message}");
        }
    }

    private bool FromCache(int output, int input, CellBox cells)
    {
        if (!cache.TryGet(Metric(cells), output, input, 1, out var cached))
            return false;
        scores[(output, input, cells)] = cached[0];
        return true;
    }

    private void Computed(int output, int input, CellBox cells, double score)
    {
        lock (gate)
            scores[(output, input, cells)] = score;
        cache.Add(Metric(cells), output, input, [score]);
    }

    private string Metric(CellBox cells) => $"{metric}/{cells.Left},{cells.Top},{cells.Width},{cells.Height}";
}
