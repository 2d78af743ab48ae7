using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Networks;
using OmniContextEval.Metrics.Numerics;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Fid;

/// <summary>
/// Inception pool3 features of images through the shared engine (<see cref="ImageFeatureExtractor"/>: batches,
/// decoding beside inference, optional cache). An image that cannot be decoded or preprocessed, or whose features
/// are not all finite, becomes an <see cref="ImageFailure"/> and is left out. Each image's features do not depend
/// on the batch it ran in beyond float32 rounding of the network.
/// </summary>
public sealed class InceptionFeatureExtractor(ModelSession session, Preprocessor preprocessor, int batchSize = 16, FeatureCache? cache = null)
{
    private readonly ImageFeatureExtractor extractor = new(session, preprocessor, cache, new EngineOptions(BatchSize: batchSize));

    /// <summary>Features of the images at <paramref name="paths"/> (rows in path order, failures left out).</summary>
    public FeatureSet FromFiles(IReadOnlyList<string> paths, CancellationToken cancel = default) =>
        Extract(paths.Select(ImageInput.FromFile).ToList(), cancel);

    /// <summary>Features of in-memory images; failures are labelled "image N".</summary>
    public FeatureSet FromImages(IReadOnlyList<RgbImage> images, CancellationToken cancel = default) =>
        Extract(images.Select((image, i) => ImageInput.FromImage($"image {i}", image)).ToList(), cancel);

    private FeatureSet Extract(IReadOnlyList<ImageInput> images, CancellationToken cancel)
    {
        var results = extractor.ExtractAsync(images, cancel: cancel).GetAwaiter().GetResult();
        var rows = results.Where(r => r.Ok).Select(r => r.Output(0)).ToList();
        var failures = results.Where(r => !r.Ok).Select(r => new ImageFailure(r.Name, r.Reason ?? "no features")).ToList();
        var dimension = checked((int)session.Entry.Outputs[0].Shape[^1]);
        return new FeatureSet(FeatureMatrix.FromRows(rows, dimension), failures);
    }
}

/// <summary>Features of the images that succeeded, and the ones that did not.</summary>
public sealed record FeatureSet(FeatureMatrix Features, IReadOnlyList<ImageFailure> Failures);
