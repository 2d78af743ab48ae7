using OmniContextEval.Core.Results;

namespace OmniContextEval.Core.Scoring;

/// <summary>
/// The normalised set-level score of a run (FID, KID), 0..100, higher is better, or null when no set-level
/// metric was computed; <see cref="Metrics"/> keeps raw values beside scores.
/// </summary>
public sealed record SetLevelScore(double? Score, IReadOnlyList<MetricScore> Metrics, IReadOnlyDictionary<string, string> NotComputed, int SampleCount)
{
    /// <summary>Applies the specification's set-level weights and normalisations (renormalised over computed metrics).</summary>
    public static SetLevelScore From(ScoringSpec spec, SetLevelMetrics? set)
    {
        set ??= SetLevelMetrics.None("set-level metrics were not computed");
        var scores = new List<MetricScore>();
        var notComputed = new Dictionary<string, string>();
        double weighted = 0, weights = 0;
        foreach (var metric in spec.SetLevel.Metrics)
        {
            if (!set.Metrics.TryGetValue(metric.Name, out var raw) || double.IsNaN(raw))
            {
                notComputed[metric.Name] = set.NotComputed.GetValueOrDefault(metric.Name, "absent from metrics.set.json");
                continue;
            }
            var score = spec.Normalisation[metric.Name].Apply(raw);
            scores.Add(new MetricScore(metric.Name, raw, score));
            weighted += metric.Weight * score;
            weights += metric.Weight;
        }
        return new SetLevelScore(weights > 0 ? weighted / weights : null, scores, notComputed, set.SampleCount);
    }
}
