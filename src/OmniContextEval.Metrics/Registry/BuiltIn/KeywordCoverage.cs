using OmniContextEval.Core.Catalogue;
using OmniContextEval.Core.Results;
using OmniContextEval.Metrics.Clip;
using OmniContextEval.Metrics.Measuring;

namespace OmniContextEval.Metrics.Registry.BuiltIn;

/// <summary>Fraction of the case's keywords the CLIP zero-shot check finds (per item: each keyword's probability).</summary>
internal sealed class KeywordCoverage : ICaseMetric
{
    public MetricInfo Info { get; } = new(MetricNames.KeywordCoverage, "fraction, 0..1", MetricDirection.HigherIsBetter,
        [MetricInputs.Network(ScoringModelNames.ClipImage), MetricInputs.Network(ScoringModelNames.ClipText), MetricInputs.OutputImage, MetricInputs.CaseField("keywords")],
        KeywordPrompts.Version, "fraction of keywords found (per item: one probability per keyword)", "CLIP zero-shot keyword check");

    public IEnumerable<string> Texts(ScoringRequest request) =>
        request.Case.Keywords.Select(KeywordPrompts.Statement).Concat(request.Case.Keywords.Count > 0 ? KeywordPrompts.Contrasts : []);

    public MetricOutcome Compute(CaseMetricContext context)
    {
        var (image, why) = ZeroShotInputs.Of(context);
        if (image is null) return MetricOutcome.NotComputed(why ?? "case lists no keywords");
        var probabilities = context.Request.Case.Keywords.Select(k => ZeroShot.Probabilities(image,
            KeywordPrompts.Contrasts.Prepend(KeywordPrompts.Statement(k)).Select(t => context.Text(t)!).ToList())).ToList();
        if (probabilities.Count == 0) return MetricOutcome.NotComputed("case lists no keywords");
        return new MetricOutcome(probabilities.Count(p => p[0] >= p.Max()) / (double)probabilities.Count,
            probabilities.Select(p => p[0]).ToList(), "case lists no keywords");
    }
}
