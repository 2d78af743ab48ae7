using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Engine;

/// <summary>
/// One network's share of an <see cref="ImagePass"/>: which images it embeds, with which preprocessing, whether
/// results are cached, and who hears each result (<paramref name="sink"/>, called once per image, in no fixed order).
/// </summary>
/// <param name="cache">Null runs the network on every image and stores nothing (e.g. LPIPS taps, too large to keep).</param>
public sealed class NetworkJob(ModelSession session, Preprocessor preprocessor, FeatureCache? cache, Action<int, FeatureResult> sink)
{
    public ModelSession Session { get; } = session;
    public Preprocessor Preprocessor { get; } = preprocessor;
    public FeatureCache? Cache { get; } = cache;

    /// <summary>Indices of the pass's images this job embeds; null for all of them.</summary>
    public IReadOnlySet<int>? Images { get; init; }

    /// <summary>A size to bring an image to (PIL bicubic) before preprocessing, or null to keep it (LPIPS: the reference's size).</summary>
    public Func<int, (int Width, int Height)?>? ResizeTo { get; init; }

    public bool Includes(int image) => Images is null || Images.Contains(image);

    /// <summary>
    /// How many leading outputs the cache keeps (null: all). DINOv2's patch tokens are 256 times the size of its CLS
    /// token; a run keeps what it derives from them (subject matches) instead. The count is part of the cache key.
    /// </summary>
    public int? CachedOutputs { get; init; }

    /// <summary>Images to run even when the cache holds their features (a consumer needs outputs the cache does not keep).</summary>
    public IReadOnlySet<int>? MustRun { get; init; }

    /// <summary>Images this job ran through the network in the last pass.</summary>
    public int Computed => computed;
    /// <summary>Images whose features came from the cache.</summary>
    public int Cached => cached;
    /// <summary>Time spent in the network's batches (ONNX Runtime and output copies).</summary>
    public TimeSpan NetworkTime { get; internal set; }

    private int computed, cached;

    internal void CountComputed(int count) => Interlocked.Add(ref computed, count);
    internal void CountCached() => Interlocked.Increment(ref cached);

    internal FeatureKey Key(string contentHash) =>
        new(Session.Sha256, CachedOutputs is { } n ? $"{Preprocessor.Name}#first{n}" : Preprocessor.Name, contentHash);

    internal bool UsesCacheFor(int image) => Cache is not null && MustRun?.Contains(image) != true;

    internal float[][] ToCache(float[][] outputs) => CachedOutputs is { } n && n < outputs.Length ? outputs[..n] : outputs;

    internal void Finish(int image, FeatureResult result) => sink(image, result);
}

/// <summary>
/// Decoded pixels for a pass's images (PSNR, SSIM): <paramref name="sink"/> hears each included image, or why it
/// could not be read, on the pass's preprocessing threads.
/// </summary>
public sealed class PixelJob(IReadOnlySet<int> images, Action<int, Imaging.RgbImage?, string?> sink)
{
    public bool Includes(int image) => images.Contains(image);

    internal void Finish(int image, Imaging.RgbImage? pixels, string? error) => sink(image, pixels, error);
}
