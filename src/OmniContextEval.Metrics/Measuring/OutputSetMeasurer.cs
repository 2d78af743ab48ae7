using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Results;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Onnx;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Measuring;

/// <summary>
/// What measuring a run's outputs gave: raw metrics per (case, seed), set-level FID/KID, which models ran and which
/// were absent, where the networks ran and where the time went. The one result of the measure step.
/// </summary>
/// <param name="Raw">One record per generation record, in the records' order.</param>
/// <param name="ModelHashes">sha256 per model file used, by model name.</param>
/// <param name="AbsentModels">Models not found; their metrics are in each record's NotComputed.</param>
/// <param name="Timings">Per network and per step: items computed, taken from the cache, and seconds.</param>
/// <param name="Inference">The inference runtime and the device the networks ran on.</param>
public sealed record MeasureResult(IReadOnlyList<RawCaseMetrics> Raw, SetLevelMetrics SetLevel,
    IReadOnlyDictionary<string, string> ModelHashes, IReadOnlyList<string> AbsentModels, IReadOnlyList<StageTiming> Timings,
    InferenceInfo Inference);

/// <summary>Where and how a run's networks execute.</summary>
/// <param name="ModelsFolder">Resolved models folder; it may not exist (then every network is absent).</param>
/// <param name="CachePath">SQLite feature cache, or null for none.</param>
public sealed record MeasureSettings(string ModelsFolder, SessionSettings Session, EngineOptions Engine, string? CachePath);

/// <summary>
/// Computes every raw metric of a run with <see cref="CaseMeasurer"/>: CLIP, DINOv2, keyword and checklist checks,
/// copy detection, PSNR/SSIM/LPIPS against reference images, and set-level FID/KID. A network that is absent is
/// named, its metrics are recorded as not computed, and the others still run.
/// </summary>
public sealed class OutputSetMeasurer(MeasureSettings settings, TextWriter log)
{
    /// <param name="progress">Hears (image-network results done, total).</param>
    public async Task<MeasureResult> MeasureAsync(IReadOnlyList<BenchmarkCase> cases, string suiteFolder, string outputFolder,
        IReadOnlyList<GenerationRecord> records, IProgress<(int Done, int Total)>? progress, CancellationToken cancel)
    {
        var registry = OpenRegistry();
        using var pool = new ModelSessionPool(registry, settings.Session);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var cache = settings.CachePath is null ? null : FeatureCache.Open(settings.CachePath, w => log.WriteLine($"warning: {w}"));
        var openCache = new StageTiming("open the feature cache", 0, 0, clock.Elapsed.TotalSeconds);
        clock.Restart();
        var models = ScoringModels.Load(pool, cache, settings.Engine);
        var openModels = new StageTiming("open and verify the models", models.Loaded.Count, 0, clock.Elapsed.TotalSeconds);

        var byId = cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        string? OutputPath(GenerationRecord r) => r.Status == GenerationStatus.Ok && r.OutputPath is not null ? Path.GetFullPath(Path.Combine(outputFolder, r.OutputPath)) : null;
        var requests = records.Select(r => new ScoringRequest(byId[r.CaseId], suiteFolder, OutputPath(r), r.Seed, r.Status)).ToList();
        log.WriteLine($"measure: {requests.Count(r => r.OutputImage is not null)} outputs with {registry.Models.Count} model(s) from {registry.Folder}");
        var measured = await new CaseMeasurer(models, settings.Engine).MeasureAsync(requests, progress, cancel);

        foreach (var (_, reason) in models.Missing.OrderBy(p => p.Key, StringComparer.Ordinal))
            log.WriteLine($"warning: {reason}; its metrics are not computed");
        var used = models.Loaded.ToDictionary(n => n, n => registry.Get(n).Sha256);
        var inference = new InferenceInfo($"ONNX Runtime {OrtProbe.RuntimeVersion}", SessionSettings.NameOf(settings.Session.Device));
        return new MeasureResult(measured.Raw, measured.SetLevel, used, models.Missing.Keys.Order(StringComparer.Ordinal).ToList(),
            [openCache, openModels, .. measured.Timings], inference);
    }

    private ModelRegistry OpenRegistry()
    {
        if (Directory.Exists(settings.ModelsFolder)) return ModelRegistry.Open(settings.ModelsFolder);
        log.WriteLine($"warning: models folder {settings.ModelsFolder} does not exist; network metrics are not computed " +
                      "(export models with tools/export-models.py and point the run at their folder)");
        return ModelRegistry.Empty(settings.ModelsFolder);
    }
}
