using OmniContextEval.Core.Catalogue;
using OmniContextEval.Core.Results;
using OmniContextEval.Metrics.Measuring;

namespace OmniContextEval.Metrics.Registry.BuiltIn;

/// <summary>Per-subject region-level DINOv2 match of the output against each subject's input image.</summary>
internal sealed class DinoSubjectMatch : ICaseMetric
{
    public MetricInfo Info { get; } = new(MetricNames.DinoSubjects, "match, 0..1", MetricDirection.HigherIsBetter,
        [MetricInputs.Network(ScoringModelNames.DinoV2), MetricInputs.OutputImage, MetricInputs.InputImages, MetricInputs.CaseField("subjects")],
        "1", "mean over subjects (per item: one per subject)", "region-level DINOv2 patch match of each subject");

    public MetricOutcome Compute(CaseMetricContext context)
    {
        var dino = context.Image(ScoringModelNames.DinoV2);
        var subjects = dino.Output is null ? null : Matches(context, dino.Inputs);
        var value = subjects is { Count: > 0 } && subjects.All(double.IsFinite) ? subjects.Average() : (double?)null;
        return new MetricOutcome(value, subjects, dino.WhyNot
            ?? (context.Request.Case.Subjects.Count == 0 ? "case lists no subjects" : "a subject's input image has no DINOv2 features"));
    }

    private static List<double> Matches(CaseMetricContext context, IReadOnlyList<Engine.FeatureResult?> inputs)
    {
        var scores = new List<double>();
        foreach (var subject in context.Request.Case.Subjects)
        {
            var input = subject.ImageIndex >= 0 && subject.ImageIndex < inputs.Count ? inputs[subject.ImageIndex] : null;
            if (input is null)
            {
                scores.Add(double.NaN);
                continue;
            }
            var (cells, error) = SubjectPairs.CellsOf(subject, context.InputPaths[subject.ImageIndex]);
            if (error is not null) context.AddError(error);
            scores.Add(context.SubjectScore(context.InputPaths[subject.ImageIndex], cells) ?? double.NaN);
        }
        return scores;
    }
}
