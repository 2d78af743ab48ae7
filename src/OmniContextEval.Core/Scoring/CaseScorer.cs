using OmniContextEval.Core.Results;

namespace OmniContextEval.Core.Scoring;

/// <summary>Applies a <see cref="ScoringSpec"/> to raw metric records; pure and deterministic.</summary>
public sealed class CaseScorer(ScoringSpec spec, SetLevelScore setLevel)
{
    /// <summary>Scores one output. <paramref name="caseHasReference"/> says whether the case has a reference image.</summary>
    public CaseScore Score(RawCaseMetrics raw, bool caseHasReference)
    {
        if (raw.Status != GenerationStatus.Ok) return Zero(raw);

        var marks = new List<string>();
        var notComputed = new Dictionary<string, string>();
        var metricScores = new List<MetricScore>();
        var dimensions = new Dictionary<string, double>();
        var partial = false;
        if (!caseHasReference) marks.Add("no_reference");

        foreach (var dimension in spec.Dimensions)
        {
            double weighted = 0, weights = 0;
            foreach (var metric in dimension.Metrics)
            {
                var score = ScoreMetric(raw, metric.Name);
                if (score is null)
                {
                    var expected = !caseHasReference && spec.RequiresReference.Contains(metric.Name);
                    notComputed[metric.Name] = expected ? "the case has no reference image"
                        : raw.NotComputed.GetValueOrDefault(metric.Name, "absent from the raw metric record");
                    if (!expected) { partial = true; marks.Add($"not_computed:{metric.Name}"); }
                    continue;
                }
                metricScores.Add(score);
                weighted += metric.Weight * score.Score;
                weights += metric.Weight;
            }
            var value = weights > 0 ? weighted / weights : (double?)null;
            if (value is not null && weights < 1 - 1e-12) marks.Add($"renormalised:{dimension.Name}");
            if (dimension.Name == ScoringSpec.VisualQuality) value = BlendSetLevel(value, marks);
            if (value is null) marks.Add($"dimension_missing:{dimension.Name}");
            else dimensions[dimension.Name] = value.Value;
        }

        var present = spec.Dimensions.Where(d => dimensions.ContainsKey(d.Name)).ToList();
        var weightSum = present.Sum(d => d.Weight);
        var total = weightSum > 0 ? present.Sum(d => d.Weight * dimensions[d.Name]) / weightSum : 0;
        return new CaseScore(raw.CaseId, raw.Seed, raw.Status, total, dimensions, metricScores, notComputed,
            marks, raw.Flags, partial, raw.Error);
    }

    private double? BlendSetLevel(double? caseLevel, List<string> marks)
    {
        if (spec.SetLevel.Weight <= 0) return caseLevel;
        if (setLevel.Score is not { } set) { marks.Add("set_level_missing"); return caseLevel; }
        return caseLevel is { } value ? (1 - spec.SetLevel.Weight) * value + spec.SetLevel.Weight * set : set;
    }

    private MetricScore? ScoreMetric(RawCaseMetrics raw, string name)
    {
        var normalisation = spec.Normalisation[name];
        if (spec.PerItem.TryGetValue(name, out var rule) && raw.PerItem.TryGetValue(name, out var items) && items.Count > 0)
        {
            if (items.Any(double.IsNaN)) return null;
            var itemScores = items.Select(normalisation.Apply).ToList();
            return new MetricScore(name, Aggregate(items, rule), Aggregate(itemScores, rule), itemScores);
        }
        if (raw.Metrics.TryGetValue(name, out var value) && !double.IsNaN(value))
            return new MetricScore(name, value, normalisation.Apply(value));
        return null;
    }

    /// <summary>Mean, min, or the mean of those two, of per-item values.</summary>
    public static double Aggregate(IReadOnlyList<double> values, ItemAggregation rule) => rule switch
    {
        ItemAggregation.Mean => values.Average(),
        ItemAggregation.Min => values.Min(),
        _ => (values.Average() + values.Min()) / 2,
    };

    private CaseScore Zero(RawCaseMetrics raw)
    {
        var zeros = spec.Dimensions.ToDictionary(d => d.Name, _ => 0.0);
        var mark = raw.Status == GenerationStatus.Failed ? "failed" : "missing";
        return new CaseScore(raw.CaseId, raw.Seed, raw.Status, 0, zeros, [], raw.NotComputed, [mark], raw.Flags,
            Partial: false, raw.Error ?? $"generation {mark}");
    }
}
