using OmniContextEval.Metrics.Similarity;

namespace OmniContextEval.Metrics.Registry.BuiltIn;

/// <summary>The mean cosine of the output's embedding with each input image's, over inputs that have one.</summary>
internal static class MeanCosine
{
    public static MetricOutcome Of(NetworkFeatures features, string noInput)
    {
        if (features.Output is null) return MetricOutcome.NotComputed(features.WhyNot ?? noInput);
        var cosines = features.Inputs.Where(i => i is not null).Select(i => Vectors.Cosine(features.Output.Output(0), i!.Output(0))).ToList();
        return new MetricOutcome(cosines.Count > 0 ? cosines.Average() : null, null, features.WhyNot ?? noInput);
    }
}
