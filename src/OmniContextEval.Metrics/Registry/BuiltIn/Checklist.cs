using OmniContextEval.Core.Catalogue;
using OmniContextEval.Core.Results;
using OmniContextEval.Metrics.Clip;
using OmniContextEval.Metrics.Measuring;

namespace OmniContextEval.Metrics.Registry.BuiltIn;

/// <summary>Mean CLIP zero-shot probability of the case's checklist statements against their contrasts.</summary>
internal sealed class Checklist : ICaseMetric
{
    public MetricInfo Info { get; } = new(MetricNames.Checklist, "probability, 0..1", MetricDirection.HigherIsBetter,
        [MetricInputs.Network(ScoringModelNames.ClipImage), MetricInputs.Network(ScoringModelNames.ClipText), MetricInputs.OutputImage, MetricInputs.CaseField("checklist")],
        "1", "mean over checklist items (per item: one probability per item)", "CLIP zero-shot checklist");

    public IEnumerable<string> Texts(ScoringRequest request) => request.Case.Checklist.SelectMany(c => c.Contrasts.Prepend(c.Statement));

    public MetricOutcome Compute(CaseMetricContext context)
    {
        var (image, why) = ZeroShotInputs.Of(context);
        if (image is null) return MetricOutcome.NotComputed(why ?? "case lists no checklist items");
        var probabilities = context.Request.Case.Checklist.Select(c => ZeroShot.Probabilities(image,
            c.Contrasts.Prepend(c.Statement).Select(t => context.Text(t)!).ToList())[0]).ToList();
        if (probabilities.Count == 0) return MetricOutcome.NotComputed("case lists no checklist items");
        return new MetricOutcome(probabilities.Average(), probabilities, "case lists no checklist items");
    }
}
