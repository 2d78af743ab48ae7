using OmniContextEval.Core.Catalogue;
using OmniContextEval.Core.Results;
using OmniContextEval.Metrics.Measuring;

namespace OmniContextEval.Metrics.Registry.BuiltIn;

/// <summary>CLIP-I: mean CLIP image cosine between the output and the input images.</summary>
internal sealed class ClipImageCosine : ICaseMetric
{
    public MetricInfo Info { get; } = new(MetricNames.ClipImage, "cosine, -1..1", MetricDirection.HigherIsBetter,
        [MetricInputs.Network(ScoringModelNames.ClipImage), MetricInputs.OutputImage, MetricInputs.InputImages],
        "1", "mean over input images", "CLIP image cosine with the input images");

    public MetricOutcome Compute(CaseMetricContext context) =>
        MeanCosine.Of(context.Image(ScoringModelNames.ClipImage), "no input image has CLIP features");
}
