using OmniContextEval.Core;
using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Engine;

/// <summary>Embeddings of image files by one image network, as <c>omnictx embed</c> and <c>metric clip-score</c> compute them.</summary>
public static class ImageEmbedder
{
    /// <summary>An extractor for the named image model with the preprocessing its manifest entry names.</summary>
    public static ImageFeatureExtractor Create(ModelSessionPool pool, string model, FeatureCache? cache = null, EngineOptions? options = null)
    {
        var session = pool.Get(model);
        if (session.Entry.Preprocess is not { } mode)
            throw new HarnessException($"model '{model}' is not an image model (its manifest entry names no preprocessing)", ExitCodes.UsageError);
        if (!Preprocessor.TryGet(mode, out var preprocessor))
            throw new HarnessException($"model '{model}': preprocessing mode '{mode}' is unknown (known: {string.Join(", ", PreprocessingModes.Names)})", ExitCodes.ModelError);
        return new ImageFeatureExtractor(session, preprocessor, cache, options);
    }

    /// <summary>
    /// The first output of the model for every file, as an N x D row-major matrix. A file that fails is an
    /// <see cref="ExitCodes.InvalidInput"/> naming it and why.
    /// </summary>
    public static async Task<(float[] Matrix, int Dimension)> EmbedFilesAsync(ImageFeatureExtractor extractor,
        IReadOnlyList<string> files, IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        var results = await extractor.ExtractAsync(files.Select(ImageInput.FromFile).ToList(), progress, cancel);
        var failed = results.Where(r => !r.Ok).ToList();
        if (failed.Count > 0)
            throw new HarnessException(string.Join("; ", failed.Select(f => f.Describe())), ExitCodes.InvalidInput);
        var dimension = extractor.Session.OutputItemSizes[0];
        var matrix = new float[results.Count * dimension];
        for (var i = 0; i < results.Count; i++)
            results[i].Output(0).CopyTo(matrix, i * dimension);
        return (matrix, dimension);
    }
}
