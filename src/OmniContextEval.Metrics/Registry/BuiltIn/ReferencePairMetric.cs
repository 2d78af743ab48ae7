using OmniContextEval.Core.Catalogue;
using OmniContextEval.Core.Results;
using OmniContextEval.Metrics.Measuring;

namespace OmniContextEval.Metrics.Registry.BuiltIn;

/// <summary>
/// A metric of the (output, reference image) pair: LPIPS, PSNR or SSIM. The values are computed in the shared image
/// pass (<see cref="ReferencePairs"/>) and cached per pair; this reads them.
/// </summary>
internal sealed class ReferencePairMetric(MetricInfo info) : ICaseMetric
{
    public static readonly MetricInfo Lpips = new(MetricNames.LpipsReference, "distance, 0..~1", MetricDirection.LowerIsBetter,
        [MetricInputs.Network(ScoringModelNames.Lpips), MetricInputs.OutputImage, MetricInputs.ReferenceImage],
        "1", "none", "LPIPS (AlexNet) distance to the reference image, at the output's size");
    public static readonly MetricInfo Psnr = new(MetricNames.PsnrReference, "dB, capped", MetricDirection.HigherIsBetter,
        [MetricInputs.OutputImage, MetricInputs.ReferenceImage], "1", "none", "PSNR to the reference image");
    public static readonly MetricInfo Ssim = new(MetricNames.SsimReference, "SSIM, -1..1", MetricDirection.HigherIsBetter,
        [MetricInputs.OutputImage, MetricInputs.ReferenceImage], "1", "none", "SSIM to the reference image");

    public MetricInfo Info { get; } = info;

    public MetricOutcome Compute(CaseMetricContext context)
    {
        if (context.Reference() is not { } reference)
            return MetricOutcome.NotComputed("case has no reference image");
        if (reference.Values.TryGetValue(Info.Name, out var v))
            return new MetricOutcome(v, null, "no value");
        var lpipsMissing = Info.Inputs.Contains(MetricInputs.Network(ScoringModelNames.Lpips)) ? context.Missing(ScoringModelNames.Lpips) : null;
        return MetricOutcome.NotComputed(lpipsMissing ?? reference.Error ?? "reference-image metric gave no value");
    }
}
