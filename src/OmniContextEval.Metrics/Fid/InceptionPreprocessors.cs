namespace OmniContextEval.Metrics.Fid;

/// <summary>The Inception input for a FID mode. The one place that picks the implementation.</summary>
public static class InceptionPreprocessors
{
    /// <summary>Today: 299x299 images only (<see cref="NativeSizeInceptionPreprocessor"/>); the resizing modes plug in here.</summary>
    public static IInceptionPreprocessor For(FidMode mode) => new NativeSizeInceptionPreprocessor(mode);
}
