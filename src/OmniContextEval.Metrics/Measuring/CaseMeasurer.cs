using System.Diagnostics;
using OmniContextEval.Core.Results;
using OmniContextEval.Metrics.Clip;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Lpips;
using OmniContextEval.Metrics.Registry;

namespace OmniContextEval.Metrics.Measuring;

/// <summary>Raw metrics per request (in request order), the set-level FID/KID of the outputs against the references, and where the time went.</summary>
public sealed record CaseMeasurements(IReadOnlyList<RawCaseMetrics> Raw, SetLevelMetrics SetLevel, IReadOnlyList<StageTiming> Timings);

/// <summary>One part of a scoring run: items computed and taken from the cache, and seconds spent (network time for networks).</summary>
public sealed record StageTiming(string Name, int Computed, int Cached, double Seconds)
{
    public override string ToString() => $"{Name}: {Computed} computed, {Cached} cached, {Seconds:0.0} s";
}

/// <summary>
/// Measures outputs with the networks of <see cref="ScoringModels"/>: one <see cref="ImagePass"/> over every distinct
/// image (outputs, input images, references) feeds CLIP, DINOv2, Inception, LPIPS and the pixel metrics, each image
/// read and decoded at most once and not at all when the cache answers; every distinct text runs once; then each
/// case's raw metrics (every case metric of the <see cref="MetricRegistry"/>, default <see cref="MetricRegistry.Default"/>)
/// and the set-level metrics are built.
/// </summary>
public sealed class CaseMeasurer(ScoringModels models, EngineOptions? options = null, MetricRegistry? metrics = null)
{
    private readonly MetricRegistry registry = metrics ?? MetricRegistry.Default;

    /// <param name="progress">Hears (image-network results done, total).</param>
    public async Task<CaseMeasurements> MeasureAsync(IReadOnlyList<ScoringRequest> requests,
        IProgress<(int Done, int Total)>? progress = null, CancellationToken cancel = default)
    {
        var clipImage = models.Get<ImageFeatureExtractor>(ScoringModelNames.ClipImage);
        var clipText = models.Get<ClipTextEncoder>(ScoringModelNames.ClipText);
        var dinoV2 = models.Get<ImageFeatureExtractor>(ScoringModelNames.DinoV2);
        var inceptionV3 = models.Get<ImageFeatureExtractor>(ScoringModelNames.Inception);
        var images = new ScoringImages(requests);
        var clock = Stopwatch.StartNew();
        images.HashAll(cancel);
        var timings = new List<StageTiming> { new("hash images", images.Images.Count, 0, clock.Elapsed.TotalSeconds) };
        clock.Restart();
        var pairs = new ReferencePairs(images, models.Get<LpipsScorer>(ScoringModelNames.Lpips), models.Cache);
        timings.Add(new StageTiming("reference pairs from the cache", images.Pairs.Count, 0, clock.Elapsed.TotalSeconds));
        var clip = new FeatureResult?[images.Images.Count];
        var dino = new FeatureResult?[images.Images.Count];
        var inception = new FeatureResult?[images.Images.Count];
        var setLevelImages = images.Outputs.Concat(images.References).ToHashSet();
        var subjects = dinoV2 is null ? null : new SubjectPairs(images, requests, dinoV2.Session.Sha256, models.Cache);
        var networks = new[]
        {
            clipImage?.Job((i, r) => clip[i] = r, images.Embedded),
            // DINOv2: the cache keeps the CLS token; subject matches are cached instead of patch tokens
            dinoV2?.Job(subjects!.Collector((i, r) => dino[i] = r.Ok ? r with { Outputs = r.Outputs![..1] } : r), images.Embedded, cachedOutputs: 1, mustRun: subjects.NeedPatches),
            inceptionV3?.Job((i, r) => inception[i] = r, setLevelImages),
            pairs.LpipsJob(),
        }.OfType<NetworkJob>().ToList();
        var total = ImagePass.Work(images.Images.Count, networks);
        var counter = progress is null ? null : new SynchronousProgress<int>(done => progress.Report((done, total)));
        clock.Restart();
        await new ImagePass(options).RunAsync(images.Images, networks, pairs.PixelJob() is { } pixels ? [pixels] : [], counter, cancel);
        pairs.Store();
        subjects?.Store();
        timings.AddRange(networks.Select(n => new StageTiming(n.Session.Entry.Name, n.Computed, n.Cached, n.NetworkTime.TotalSeconds)));
        timings.Add(new StageTiming("image pass (wall)", images.Images.Count, 0, clock.Elapsed.TotalSeconds));

        var texts = requests.SelectMany(r => CaseMetricsBuilder.TextsOf(registry, r)).Distinct().ToList();
        var textEmbeddings = new Dictionary<string, float[]>();
        if (clipText is not null && texts.Count > 0)
        {
            clock.Restart();
            var encoded = clipText.Encode(texts);
            for (var i = 0; i < texts.Count; i++)
                if (encoded[i] is { } embedding) textEmbeddings[texts[i]] = embedding; // a non-finite one leaves its metrics not computed
            timings.Add(new StageTiming(clipText.Session.Entry.Name, clipText.Computed, texts.Count - clipText.Computed, clock.Elapsed.TotalSeconds));
        }
        Dictionary<string, FeatureResult>? ByPath(FeatureResult?[] results, bool present) => !present ? null
            : images.Embedded.Where(i => results[i] is not null).ToDictionary(i => images.Images[i].Name, i => results[i]!);
        var imageFeatures = new Dictionary<string, Dictionary<string, FeatureResult>?>
        {
            [ScoringModelNames.ClipImage] = ByPath(clip, clipImage is not null),
            [ScoringModelNames.DinoV2] = ByPath(dino, dinoV2 is not null),
        };
        var builder = new CaseMetricsBuilder(models, registry, imageFeatures, textEmbeddings, output => pairs.For(images.IndexOf(output)),
            (output, input, cells) => subjects?.Score(output, input, cells));
        clock.Restart();
        var raw = requests.AsParallel().AsOrdered().Select(builder.Build).ToList();
        timings.Add(new StageTiming("case metrics", raw.Count, 0, clock.Elapsed.TotalSeconds));
        clock.Restart();
        var setLevel = inceptionV3 is null
            ? SetLevelMetrics.None(models.Missing[ScoringModelNames.Inception])
            : SetLevelMeasurer.Measure(images.Outputs.Select(i => inception[i]!).ToList(), images.References.Select(i => inception[i]!).ToList());
        timings.Add(new StageTiming("FID and KID", setLevel.SampleCount, 0, clock.Elapsed.TotalSeconds));
        return new CaseMeasurements(raw, setLevel, timings);
    }

    /// <summary>Reports on the caller's thread (unlike <see cref="Progress{T}"/>), so no report arrives after the pass returns.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
