using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Engine;

/// <summary>
/// One image network with its preprocessing and cache: embeds a list of images on its own (<see cref="ExtractAsync"/>)
/// or contributes a <see cref="NetworkJob"/> to an <see cref="ImagePass"/> shared with other networks.
/// </summary>
public sealed class ImageFeatureExtractor(ModelSession session, Preprocessor preprocessor, FeatureCache? cache = null, EngineOptions? options = null)
{
    private readonly EngineOptions options = options ?? EngineOptions.Default;

    public ModelSession Session { get; } = session;
    public Preprocessor Preprocessor { get; } = preprocessor;
    public FeatureCache? Cache { get; } = cache;

    /// <summary>Features of every image, in input order. <paramref name="progress"/> hears the count of images done.</summary>
    public async Task<IReadOnlyList<FeatureResult>> ExtractAsync(IReadOnlyList<ImageInput> images, IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        var results = new FeatureResult[images.Count];
        await new ImagePass(options).RunAsync(images, [Job((i, r) => results[i] = r)], [], progress, cancel);
        return results;
    }

    /// <summary>This network's job in a shared pass over the images <paramref name="images"/> (null: all); see <see cref="NetworkJob"/> for the rest.</summary>
    public NetworkJob Job(Action<int, FeatureResult> sink, IReadOnlySet<int>? images = null, int? cachedOutputs = null, IReadOnlySet<int>? mustRun = null) =>
        new(Session, Preprocessor, Cache, sink) { Images = images, CachedOutputs = cachedOutputs, MustRun = mustRun };
}
