using OmniContextEval.Core.Catalogue;
using OmniContextEval.Core.Results;
using OmniContextEval.Metrics.Measuring;
using OmniContextEval.Metrics.Similarity;

namespace OmniContextEval.Metrics.Registry.BuiltIn;

/// <summary>CLIP cosine between the output and the English instruction.</summary>
internal sealed class ClipTextCosine : ICaseMetric
{
    public MetricInfo Info { get; } = new(MetricNames.ClipText, "cosine, -1..1", MetricDirection.HigherIsBetter,
        [MetricInputs.Network(ScoringModelNames.ClipImage), MetricInputs.Network(ScoringModelNames.ClipText), MetricInputs.OutputImage, MetricInputs.CaseField("instruction.en")],
        "1", "none", "CLIP text-image cosine with the English instruction");

    public IEnumerable<string> Texts(ScoringRequest request) => [request.Case.EnglishInstruction];

    public MetricOutcome Compute(CaseMetricContext context)
    {
        var clip = context.Image(ScoringModelNames.ClipImage);
        var textMissing = context.Missing(ScoringModelNames.ClipText);
        var instruction = context.Text(context.Request.Case.EnglishInstruction);
        if (clip.Output is null || textMissing is not null || instruction is null)
            return MetricOutcome.NotComputed(textMissing ?? clip.WhyNot ?? ZeroShotInputs.NonFinite);
        return new MetricOutcome(Vectors.Cosine(clip.Output.Output(), instruction));
    }
}
