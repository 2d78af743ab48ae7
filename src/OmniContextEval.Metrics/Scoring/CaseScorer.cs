using OmniContextEval.Core.Results;
using OmniContextEval.Metrics.Engine;

namespace OmniContextEval.Metrics.Scoring;

/// <summary>
/// Scores outputs with the networks of <see cref="ScoringModels"/>: every distinct image (outputs and inputs) and
/// every distinct text runs once per network, batched over all requests, then each case's raw metrics are built.
/// </summary>
public sealed class CaseScorer(ScoringModels models, IReferenceImageMetrics? referenceMetrics = null)
{
    /// <summary>Raw metrics per request, in request order. <paramref name="progress"/> hears images done per network.</summary>
    public async Task<IReadOnlyList<RawCaseMetrics>> ScoreAsync(IReadOnlyList<ScoringRequest> requests,
        IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        var images = ImagesOf(requests);
        var clip = await ExtractAsync(models.ClipImage, images, progress, cancel);
        var dino = await ExtractAsync(models.Dino, images, progress, cancel);
        var texts = requests.SelectMany(CaseMetricsBuilder.TextsOf).Distinct().ToList();
        var textEmbeddings = new Dictionary<string, float[]>();
        if (models.ClipText is not null && texts.Count > 0)
        {
            var encoded = models.ClipText.Encode(texts);
            for (var i = 0; i < texts.Count; i++)
                textEmbeddings[texts[i]] = encoded[i];
        }
        var builder = new CaseMetricsBuilder(models, clip, dino, textEmbeddings, referenceMetrics);
        return requests.Select(builder.Build).ToList();
    }

    /// <summary>Every distinct image the image networks embed for these requests: outputs, then input images.</summary>
    public static List<string> ImagesOf(IReadOnlyList<ScoringRequest> requests) =>
        requests.Where(r => r.OutputImage is not null).Select(r => Path.GetFullPath(r.OutputImage!))
            .Concat(requests.SelectMany(r => r.InputPaths)).Distinct().ToList();

    private static async Task<Dictionary<string, FeatureResult>?> ExtractAsync(ImageFeatureExtractor? extractor,
        List<string> images, IProgress<int>? progress, CancellationToken cancel)
    {
        if (extractor is null) return null;
        var results = await extractor.ExtractAsync(images.Select(ImageInput.FromFile).ToList(), progress, cancel);
        return images.Zip(results).ToDictionary(p => p.First, p => p.Second);
    }
}
