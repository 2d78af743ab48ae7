using OmniContextEval.Metrics.Similarity;

namespace OmniContextEval.Metrics.Measuring;

/// <summary>
/// Flags an output that is nearly one of its inputs (a known way to score high on global DINO while failing the
/// task): byte-identical content, or a global embedding cosine at or above <see cref="Threshold"/>.
/// </summary>
public static class CopyDetector
{
    /// <summary>DINOv2 CLS (or, without DINOv2, CLIP image) cosine from which an output counts as a copy.</summary>
    public const double Threshold = 0.95;

    /// <summary>Flags "copy_detected:input{k}" for each input <paramref name="k"/> the output copies.</summary>
    /// <param name="inputEmbeddings">Per input its global embedding, or null when none was computed.</param>
    public static IReadOnlyList<string> Detect(string? outputHash, IReadOnlyList<string?> inputHashes,
        float[]? outputEmbedding, IReadOnlyList<float[]?> inputEmbeddings)
    {
        var flags = new List<string>();
        for (var k = 0; k < inputHashes.Count; k++)
        {
            var identical = outputHash is not null && outputHash == inputHashes[k];
            var near = outputEmbedding is not null && inputEmbeddings[k] is { } e && Vectors.Cosine(outputEmbedding, e) >= Threshold;
            if (identical || near)
                flags.Add($"copy_detected:input{k}");
        }
        return flags;
    }
}
