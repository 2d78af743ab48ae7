using OmniContextEval.Metrics.Similarity;

namespace OmniContextEval.Metrics.Clip;

/// <summary>CLIP zero-shot checks: softmax over 100 * cos between an image and a statement with its contrasts.</summary>
public static class ZeroShot
{
    /// <summary>CLIP's logit scale (exp of the trained temperature, clamped to 100 in OpenAI CLIP).</summary>
    public const double LogitScale = 100;

    /// <summary>Probabilities (summing to 1) of each prompt for the image; index 0 is usually the statement.</summary>
    public static double[] Probabilities(ReadOnlySpan<float> image, IReadOnlyList<float[]> prompts)
    {
        var logits = new double[prompts.Count];
        for (var i = 0; i < prompts.Count; i++)
            logits[i] = LogitScale * Vectors.Cosine(image, prompts[i]);
        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        var sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }
}
