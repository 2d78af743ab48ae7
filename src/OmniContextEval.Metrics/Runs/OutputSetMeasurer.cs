using OmniContextEval.Core;
using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Results;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Lpips;
using OmniContextEval.Metrics.Networks;
using OmniContextEval.Metrics.Scoring;
using OmniContextEval.Metrics.Standalone;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Runs;

/// <summary>What measuring a run's outputs gave: raw metrics per (case, seed), set-level FID/KID, which models ran and which were absent.</summary>
public sealed record MeasuredOutputs(IReadOnlyList<RawCaseMetrics> Raw, SetLevelMetrics SetLevel,
    IReadOnlyDictionary<string, string> ModelHashes, IReadOnlyList<string> AbsentModels);

/// <summary>Where and how a run's networks execute.</summary>
/// <param name="ModelsFolder">Resolved models folder; it may not exist (then every network is absent).</param>
/// <param name="CachePath">SQLite feature cache, or null for none.</param>
public sealed record MeasureSettings(string ModelsFolder, SessionSettings Session, EngineOptions Engine, string? CachePath);

/// <summary>
/// Computes every raw metric of a run: CLIP, DINOv2, keyword and checklist checks, copy detection (CaseScorer),
/// PSNR/SSIM/LPIPS against reference images, and set-level FID/KID. A network that is absent is named, its metrics
/// are recorded as not computed, and the others still run.
/// </summary>
public sealed class OutputSetMeasurer(MeasureSettings settings, TextWriter log)
{
    private static readonly string LpipsModel = LpipsNet.ModelName("alex");

    /// <param name="progress">Hears (images embedded, images to embed) summed over the image networks.</param>
    public async Task<MeasuredOutputs> MeasureAsync(IReadOnlyList<BenchmarkCase> cases, string suiteFolder, string outputFolder,
        IReadOnlyList<GenerationRecord> records, IProgress<(int Done, int Total)>? progress, CancellationToken cancel)
    {
        var registry = OpenRegistry();
        using var pool = new ModelSessionPool(registry, settings.Session);
        using var cache = settings.CachePath is null ? null : FeatureCache.Open(settings.CachePath, w => log.WriteLine($"warning: {w}"));
        var models = ScoringModels.Load(pool, cache, settings.Engine);
        var absent = new Dictionary<string, string>(models.Missing);
        var threads = settings.Session.IntraOpThreads;

        using var lpips = registry.Contains(LpipsModel) ? LpipsScorer.Open(registry.Folder, "alex", threads) : null;
        if (lpips is null) absent[LpipsModel] = $"model '{LpipsModel}' is not in {registry.Folder}";

        var byId = cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        string? OutputPath(GenerationRecord r) => r.Status == GenerationStatus.Ok && r.OutputPath is not null ? Path.GetFullPath(Path.Combine(outputFolder, r.OutputPath)) : null;
        var requests = records.Select(r => new ScoringRequest(byId[r.CaseId], suiteFolder, OutputPath(r), r.Seed, r.Status)).ToList();
        log.WriteLine($"measure: {requests.Count(r => r.OutputImage is not null)} outputs with {registry.Models.Count} model(s) from {registry.Folder}");
        var images = CaseScorer.ImagesOf(requests).Count;
        var passes = (models.ClipImage is null ? 0 : 1) + (models.Dino is null ? 0 : 1);
        var counter = progress is null || passes == 0 ? null : new PassCounter(images * passes, progress);
        var raw = await new CaseScorer(models, new ReferenceImageMetrics(lpips)).ScoreAsync(requests, counter, cancel);

        SetLevelMetrics setLevel;
        if (!registry.Contains(FolderMetrics.InceptionModel))
        {
            absent[FolderMetrics.InceptionModel] = $"model '{FolderMetrics.InceptionModel}' is not in {registry.Folder}";
            setLevel = SetLevelMetrics.None(absent[FolderMetrics.InceptionModel]);
        }
        else
        {
            using var inception = OnnxNetwork.Open(registry.Folder, FolderMetrics.InceptionModel, threads);
            var references = requests.Select(r => r.ReferencePath).OfType<string>().Distinct().ToList();
            setLevel = SetLevelMeasurer.Measure(inception, requests.Select(r => r.OutputImage).OfType<string>().ToList(), references,
                settings.Engine.BatchSize, cancel);
        }

        foreach (var (name, reason) in absent.OrderBy(p => p.Key, StringComparer.Ordinal))
            log.WriteLine($"warning: {reason}; its metrics are not computed");
        var used = registry.Models.Where(m => !absent.ContainsKey(m.Name)).ToDictionary(m => m.Name, m => m.Sha256);
        return new MeasuredOutputs(raw, setLevel, used, absent.Keys.Order(StringComparer.Ordinal).ToList());
    }

    private ModelRegistry OpenRegistry()
    {
        if (Directory.Exists(settings.ModelsFolder)) return ModelRegistry.Open(settings.ModelsFolder);
        log.WriteLine($"warning: models folder {settings.ModelsFolder} does not exist; network metrics are not computed " +
                      $"(export models with tools/export-models.py, or pass --models / ${ModelsFolder.EnvironmentVariable})");
        return ModelRegistry.Empty(settings.ModelsFolder);
    }
}
