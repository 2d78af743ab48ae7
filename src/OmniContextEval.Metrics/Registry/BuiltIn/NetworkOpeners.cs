using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Metrics.Clip;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Fid;
using OmniContextEval.Metrics.Lpips;

namespace OmniContextEval.Metrics.Registry.BuiltIn;

/// <summary>How each built-in network opens from the models folder (its model is known to be listed there).</summary>
internal static class NetworkOpeners
{
    /// <summary>An <see cref="ImageFeatureExtractor"/> with the preprocessing the manifest entry names (CLIP image, DINOv2).</summary>
    public static Func<NetworkOpenContext, NetworkOpening> ImageEmbedding(string model) =>
        c => NetworkOpening.Of(ImageEmbedder.Create(c.Pool, model, c.Cache, c.Options));

    /// <summary>A <see cref="ClipTextEncoder"/>; unavailable when its vocabulary file is absent.</summary>
    public static Func<NetworkOpenContext, NetworkOpening> ClipText(string model) => c =>
    {
        var vocabulary = ClipTextEncoder.VocabularyPath(c.Pool, c.Pool.Registry.Get(model));
        return File.Exists(vocabulary)
            ? NetworkOpening.Of(ClipTextEncoder.Open(c.Pool, model, c.Cache, c.Options?.BatchSize ?? 16))
            : NetworkOpening.Missing($"CLIP vocabulary {vocabulary} is missing");
    };

    /// <summary>Inception pool3 features with FID's clean-mode preprocessing (whatever the manifest entry names).</summary>
    public static Func<NetworkOpenContext, NetworkOpening> Inception(string model) =>
        c => NetworkOpening.Of(new ImageFeatureExtractor(c.Pool.Get(model), Preprocessor.Get(FidMode.Clean.PreprocessName()), c.Cache, c.Options));

    /// <summary>A <see cref="LpipsScorer"/> on backbone <paramref name="net"/> (alex, vgg).</summary>
    public static Func<NetworkOpenContext, NetworkOpening> Lpips(string net) =>
        c => NetworkOpening.Of(LpipsScorer.Create(c.Pool, net));
}
