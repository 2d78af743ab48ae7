using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Metrics.Clip;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Fid;
using OmniContextEval.Metrics.Lpips;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Measuring;

/// <summary>
/// The networks a scoring run has, with the feature cache they share: each may be absent (then <see cref="Missing"/>
/// says why and the metrics that need it are recorded as not computed). A model that is listed but broken is an
/// error, never skipped.
/// </summary>
public sealed class ScoringModels
{
    private ScoringModels(FeatureCache? cache, IReadOnlyDictionary<string, string> missing)
    {
        Cache = cache;
        Missing = missing;
    }

    public ImageFeatureExtractor? ClipImage { get; private init; }
    public ClipTextEncoder? ClipText { get; private init; }
    /// <summary>DINOv2 with outputs [cls_token, patch_tokens].</summary>
    public ImageFeatureExtractor? Dino { get; private init; }
    /// <summary>Inception pool3 features in FID's clean mode.</summary>
    public ImageFeatureExtractor? Inception { get; private init; }
    public LpipsScorer? Lpips { get; private init; }
    public FeatureCache? Cache { get; }
    /// <summary>Model name to the reason it is unavailable.</summary>
    public IReadOnlyDictionary<string, string> Missing { get; }

    /// <summary>Opens (and verifies) every scoring model the pool's folder lists.</summary>
    public static ScoringModels Load(ModelSessionPool pool, FeatureCache? cache, EngineOptions? options = null)
    {
        var missing = new Dictionary<string, string>();
        bool Has(string name)
        {
            if (pool.Has(name)) return true;
            missing[name] = $"model '{name}' is not in {pool.Registry.Folder}";
            return false;
        }
        ImageFeatureExtractor? Image(string name) => Has(name) ? ImageEmbedder.Create(pool, name, cache, options) : null;
        ClipTextEncoder? clipText = null;
        if (Has(ScoringModelNames.ClipText))
        {
            var vocabulary = ClipTextEncoder.VocabularyPath(pool, pool.Registry.Get(ScoringModelNames.ClipText));
            if (File.Exists(vocabulary))
                clipText = ClipTextEncoder.Open(pool, ScoringModelNames.ClipText, cache, options?.BatchSize ?? 16);
            else
                missing[ScoringModelNames.ClipText] = $"CLIP vocabulary {vocabulary} is missing";
        }
        return new ScoringModels(cache, missing)
        {
            ClipImage = Image(ScoringModelNames.ClipImage),
            ClipText = clipText,
            Dino = Image(ScoringModelNames.DinoV2),
            Inception = Has(ScoringModelNames.Inception)
                ? new ImageFeatureExtractor(pool.Get(ScoringModelNames.Inception), Preprocessor.Get(FidMode.Clean.PreprocessName()), cache, options)
                : null,
            Lpips = Has(ScoringModelNames.Lpips) ? LpipsScorer.Create(pool, "alex") : null,
        };
    }
}
