using OmniContextEval.Core;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Metrics.Networks;
using OmniContextEval.Metrics.Numerics;

namespace OmniContextEval.Metrics.Fid;

/// <summary>
/// Inception pool3 features of images, in batches: decode, preprocess, run. An image that cannot be decoded or
/// preprocessed, or whose features are not all finite, becomes an <see cref="ImageFailure"/> and is left out.
/// Each image's features do not depend on the batch it ran in beyond float32 rounding of the network.
/// </summary>
public sealed class InceptionFeatureExtractor(OnnxNetwork network, Preprocessor preprocessor, int batchSize = 16)
{
    /// <summary>Features of the images at <paramref name="paths"/> (rows in path order, failures left out).</summary>
    public FeatureSet FromFiles(IReadOnlyList<string> paths, CancellationToken cancel = default) =>
        Extract(paths.Select(p => (p, (Func<RgbImage>)(() => ImageDecoder.Decode(p)))).ToList(), cancel);

    /// <summary>Features of in-memory images; failures are labelled "image N".</summary>
    public FeatureSet FromImages(IReadOnlyList<RgbImage> images, CancellationToken cancel = default) =>
        Extract(images.Select((image, i) => ($"image {i}", (Func<RgbImage>)(() => image))).ToList(), cancel);

    private FeatureSet Extract(IReadOnlyList<(string Name, Func<RgbImage> Load)> sources, CancellationToken cancel)
    {
        var (height, width) = preprocessor.OutputSize(1, 1); // the Inception modes have one fixed output size
        int item = 3 * height * width;
        var rows = new List<float[]>();
        var failures = new List<(int Index, ImageFailure Failure)>();
        var batch = new float[batchSize * item];
        var batchNames = new List<(int Index, string Name)>();
        int dimension = 0;
        void RunBatch()
        {
            if (batchNames.Count == 0)
                return;
            var input = batchNames.Count == batchSize ? batch : batch[..(batchNames.Count * item)];
            var output = network.Run(input, [batchNames.Count, 3, height, width])[0];
            dimension = output.ItemSize;
            for (int i = 0; i < batchNames.Count; i++)
                if (output.ItemIsFinite(i))
                    rows.Add(output.Item(i).ToArray());
                else
                    failures.Add((batchNames[i].Index, new ImageFailure(batchNames[i].Name, "the Inception network gave non-finite features")));
            batchNames.Clear();
        }
        for (int index = 0; index < sources.Count; index++)
        {
            var (name, load) = sources[index];
            cancel.ThrowIfCancellationRequested();
            try
            {
                preprocessor.Write(load(), batch.AsSpan(batchNames.Count * item, item));
                batchNames.Add((index, name));
            }
            catch (Exception e) when (e is HarnessException or ImageDecodeException)
            {
                failures.Add((index, new ImageFailure(name, e is ImageDecodeException decode ? decode.Reason : e.Message)));
            }
            if (batchNames.Count == batchSize)
                RunBatch();
        }
        RunBatch();
        var dim = dimension > 0 ? dimension : (int)(network.Entry.Outputs[0].Shape[^1]);
        return new FeatureSet(FeatureMatrix.FromRows(rows, dim), failures.OrderBy(f => f.Index).Select(f => f.Failure).ToList());
    }
}

/// <summary>Features of the images that succeeded, and the ones that did not.</summary>
public sealed record FeatureSet(FeatureMatrix Features, IReadOnlyList<ImageFailure> Failures);
