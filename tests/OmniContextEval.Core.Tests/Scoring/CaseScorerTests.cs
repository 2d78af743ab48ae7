using OmniContextEval.Core.Results;
using OmniContextEval.Core.Scoring;

namespace OmniContextEval.Core.Tests.Scoring;

public class CaseScorerTests
{
    private static readonly ScoringSpec Spec = ScoringSpecLoader.Default();
    private static readonly SetLevelScore NoSet = SetLevelScore.From(Spec, null);

    private static RawCaseMetrics Record(Dictionary<string, double> metrics, Dictionary<string, IReadOnlyList<double>>? perItem = null,
        Dictionary<string, string>? notComputed = null, GenerationStatus status = GenerationStatus.Ok) =>
        new("c1", 0, status, metrics, perItem ?? new Dictionary<string, IReadOnlyList<double>>(), notComputed ?? new Dictionary<string, string>(), []);

    private static Dictionary<string, double> Full() => new()
    {
        [MetricNames.ClipText] = 0.225,   // linear 0.10..0.35 -> 50
        [MetricNames.ClipImage] = 0.70,   // 0.40..1.00 -> 50
        [MetricNames.DinoGlobal] = 0.5,   // -> 50
        [MetricNames.KeywordCoverage] = 1.0, // -> 100
        [MetricNames.Checklist] = 0.8,    // -> 80
        [MetricNames.DinoSubjects] = 0.6, // -> 60
        [MetricNames.LpipsReference] = 0.4, // 0.8..0 -> 50
        [MetricNames.SsimReference] = 0.5,  // -> 50
        [MetricNames.PsnrReference] = 35,   // -> 100
    };

    [Fact]
    public void Total_follows_the_published_weights()
    {
        var score = new CaseScorer(Spec, NoSet).Score(Record(Full()), caseHasReference: true);
        var semantic = 0.30 * 50 + 0.25 * 50 + 0.20 * 100 + 0.25 * 50;
        var visual = 0.40 * 50 + 0.35 * 50 + 0.25 * 100;
        Assert.Equal(semantic, score.Dimensions["semantic"], 9);
        Assert.Equal(visual, score.Dimensions["visual_quality"], 9);
        Assert.Equal(0.35 * semantic + 0.25 * visual + 0.25 * 80 + 0.15 * 60, score.Total, 9);
        Assert.False(score.Partial);
        Assert.Equal(["set_level_missing"], score.Marks);
        Assert.Equal(0.225, score.Metrics.Single(m => m.Name == MetricNames.ClipText).Raw);
    }

    [Fact]
    public void A_case_without_reference_renormalises_visual_quality_to_the_set_score_and_is_not_partial()
    {
        var metrics = Full();
        foreach (var m in new[] { MetricNames.LpipsReference, MetricNames.SsimReference, MetricNames.PsnrReference }) metrics.Remove(m);
        var set = SetLevelScore.From(Spec, new SetLevelMetrics(new Dictionary<string, double> { ["fid"] = 0, ["kid"] = 0 }, new Dictionary<string, string>(), 400));
        var score = new CaseScorer(Spec, set).Score(Record(metrics), caseHasReference: false);
        Assert.Equal(100, score.Dimensions["visual_quality"]);
        Assert.Contains("no_reference", score.Marks);
        Assert.False(score.Partial);
        Assert.Equal("the case has no reference image", score.NotComputed[MetricNames.LpipsReference]);
    }

    [Fact]
    public void Set_level_score_takes_its_weight_of_visual_quality()
    {
        var set = SetLevelScore.From(Spec, new SetLevelMetrics(new Dictionary<string, double> { ["fid"] = 100 }, new Dictionary<string, string> { ["kid"] = "too few samples" }, 400));
        Assert.Equal(100 * Math.Exp(-1), set.Score!.Value, 9); // kid missing: fid alone, renormalised
        var score = new CaseScorer(Spec, set).Score(Record(Full()), caseHasReference: true);
        Assert.Equal(0.8 * 62.5 + 0.2 * set.Score.Value, score.Dimensions["visual_quality"], 9);
    }

    [Fact]
    public void A_metric_missing_for_an_absent_model_makes_the_score_partial_and_renormalises()
    {
        var metrics = Full();
        metrics.Remove(MetricNames.ClipText);
        var score = new CaseScorer(Spec, NoSet).Score(Record(metrics, notComputed: new() { [MetricNames.ClipText] = "model absent: clip" }), true);
        Assert.True(score.Partial);
        Assert.Contains("renormalised:semantic", score.Marks);
        Assert.Equal((0.25 * 50 + 0.20 * 100 + 0.25 * 50) / 0.70, score.Dimensions["semantic"], 9);
        Assert.Equal("model absent: clip", score.NotComputed[MetricNames.ClipText]);
    }

    [Fact]
    public void A_missing_subject_cannot_hide_behind_a_strong_one()
    {
        var perItem = new Dictionary<string, IReadOnlyList<double>> { [MetricNames.DinoSubjects] = [0.95, 0.05] };
        var score = new CaseScorer(Spec, NoSet).Score(Record(Full(), perItem), true);
        // mean 50, min 5 -> mean_min 27.5, well below the mean
        Assert.Equal(27.5, score.Dimensions["context_understanding"], 9);
        Assert.Equal([95, 5], score.Metrics.Single(m => m.Name == MetricNames.DinoSubjects).ItemScores!.Select(s => Math.Round(s, 9)));
    }

    [Theory]
    [InlineData(GenerationStatus.Failed, "failed")]
    [InlineData(GenerationStatus.Missing, "missing")]
    public void A_failed_or_missing_generation_scores_zero_everywhere(GenerationStatus status, string mark)
    {
        var score = new CaseScorer(Spec, NoSet).Score(Record(Full(), status: status), true);
        Assert.Equal(0, score.Total);
        Assert.All(Spec.Dimensions, d => Assert.Equal(0, score.Dimensions[d.Name]));
        Assert.Equal([mark], score.Marks);
    }

    [Fact]
    public void Without_any_metric_of_a_dimension_the_dimension_weights_are_renormalised()
    {
        var metrics = Full();
        metrics.Remove(MetricNames.Checklist);
        var score = new CaseScorer(Spec, NoSet).Score(Record(metrics, notComputed: new() { [MetricNames.Checklist] = "no checklist" }), true);
        Assert.Contains("dimension_missing:instruction_following", score.Marks);
        var expected = (0.35 * score.Dimensions["semantic"] + 0.25 * score.Dimensions["visual_quality"] + 0.15 * 60) / 0.75;
        Assert.Equal(expected, score.Total, 9);
    }
}
