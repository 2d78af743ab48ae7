using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Measuring;
using OmniContextEval.Metrics.Similarity;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Clip;

/// <summary>The CLIP cosine of one image and one text, and CLIPScore in both conventions (<c>omnictx metric clip-score</c>).</summary>
/// <param name="Cosine">Cosine of the L2-normalised embeddings, -1..1, higher is better.</param>
public sealed record ClipImageTextScore(string Image, string Text, double Cosine, double Hessel, double TorchMetrics, string ImageModel, string TextModel)
{
    public static async Task<ClipImageTextScore> ComputeAsync(ModelSessionPool pool, string image, string text,
        FeatureCache? cache = null, CancellationToken cancel = default)
    {
        var extractor = ImageEmbedder.Create(pool, ScoringModelNames.ClipImage, cache);
        var (imageEmbedding, _) = await ImageEmbedder.EmbedFilesAsync(extractor, [image], cancel: cancel);
        var textEmbedding = ClipTextEncoder.Open(pool, ScoringModelNames.ClipText, cache).Encode([text])[0]
            ?? throw new Core.HarnessException($"model '{ScoringModelNames.ClipText}' produced NaN or infinite values for the text \"{text}\"", Core.ExitCodes.ModelError);
        var cosine = Vectors.Cosine(imageEmbedding, textEmbedding);
        return new ClipImageTextScore(image, text, cosine,
            ClipScore.Compute([cosine], ClipScoreConvention.Hessel), ClipScore.Compute([cosine], ClipScoreConvention.TorchMetrics),
            ScoringModelNames.ClipImage, ScoringModelNames.ClipText);
    }
}
