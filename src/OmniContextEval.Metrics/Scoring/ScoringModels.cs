using OmniContextEval.Metrics.Clip;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Scoring;

/// <summary>
/// The networks a scoring run has: each may be absent (then <see cref="Missing"/> says why and the metrics that
/// need it are recorded as not computed). A model that is listed but broken is an error, never skipped.
/// </summary>
public sealed class ScoringModels
{
    private ScoringModels(ImageFeatureExtractor? clipImage, ClipTextEncoder? clipText, ImageFeatureExtractor? dino, IReadOnlyDictionary<string, string> missing)
    {
        ClipImage = clipImage;
        ClipText = clipText;
        Dino = dino;
        Missing = missing;
    }

    public ImageFeatureExtractor? ClipImage { get; }
    public ClipTextEncoder? ClipText { get; }
    /// <summary>DINOv2 with outputs [cls_token, patch_tokens].</summary>
    public ImageFeatureExtractor? Dino { get; }
    /// <summary>Model name to the reason it is unavailable.</summary>
    public IReadOnlyDictionary<string, string> Missing { get; }

    /// <summary>Opens (and verifies) every scoring model the pool's folder lists.</summary>
    public static ScoringModels Load(ModelSessionPool pool, FeatureCache? cache, EngineOptions? options = null)
    {
        var missing = new Dictionary<string, string>();
        ImageFeatureExtractor? Image(string name)
        {
            if (!pool.Has(name))
            {
                missing[name] = $"model '{name}' is not in {pool.Registry.Folder}";
                return null;
            }
            return ImageEmbedder.Create(pool, name, cache, options);
        }
        var clipImage = Image(ScoringModelNames.ClipImage);
        var dino = Image(ScoringModelNames.DinoV2);
        ClipTextEncoder? clipText = null;
        if (!pool.Has(ScoringModelNames.ClipText))
            missing[ScoringModelNames.ClipText] = $"model '{ScoringModelNames.ClipText}' is not in {pool.Registry.Folder}";
        else
        {
            var vocabulary = ClipTextEncoder.VocabularyPath(pool, pool.Registry.Get(ScoringModelNames.ClipText));
            if (File.Exists(vocabulary))
                clipText = ClipTextEncoder.Open(pool, ScoringModelNames.ClipText, cache, options?.BatchSize ?? 16);
            else
                missing[ScoringModelNames.ClipText] = $"CLIP vocabulary {vocabulary} is missing";
        }
        return new ScoringModels(clipImage, clipText, dino, missing);
    }
}
