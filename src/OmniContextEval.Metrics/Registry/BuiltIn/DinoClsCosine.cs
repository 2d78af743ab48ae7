using OmniContextEval.Core.Catalogue;
using OmniContextEval.Core.Results;
using OmniContextEval.Metrics.Measuring;

namespace OmniContextEval.Metrics.Registry.BuiltIn;

/// <summary>DINOv2 CLS cosine between the output and the input images.</summary>
internal sealed class DinoClsCosine : ICaseMetric
{
    public MetricInfo Info { get; } = new(MetricNames.DinoGlobal, "cosine, -1..1", MetricDirection.HigherIsBetter,
        [MetricInputs.Network(ScoringModelNames.DinoV2), MetricInputs.OutputImage, MetricInputs.InputImages],
        "1", "mean over input images", "DINOv2 CLS-token cosine with the input images");

    public MetricOutcome Compute(CaseMetricContext context) =>
        MeanCosine.Of(context.Image(ScoringModelNames.DinoV2), "no input image has DINOv2 features");
}
