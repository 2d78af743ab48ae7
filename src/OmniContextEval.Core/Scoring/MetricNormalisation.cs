namespace OmniContextEval.Core.Scoring;

/// <summary>
/// A monotone map from a raw metric value to a score 0..100 (higher is better), clamped at both ends.
/// Linear: 100 (x - worst) / (best - worst), so best below worst means lower raw values are better.
/// Exponential decay: 100 exp(-x / scale) for distances (0 maps to 100).
/// </summary>
public sealed record MetricNormalisation(NormalisationKind Kind, double Worst, double Best, double Scale)
{
    public static MetricNormalisation Linear(double worst, double best) => new(NormalisationKind.Linear, worst, best, 0);

    public static MetricNormalisation ExpDecay(double scale) => new(NormalisationKind.ExpDecay, 0, 0, scale);

    /// <summary>The score 0..100 of a raw value; infinities clamp to the matching end, NaN is rejected.</summary>
    public double Apply(double raw)
    {
        if (double.IsNaN(raw)) throw new ArgumentException("a raw metric value is NaN", nameof(raw));
        double score = Kind switch
        {
            NormalisationKind.Linear => 100.0 * (raw - Worst) / (Best - Worst),
            NormalisationKind.ExpDecay => 100.0 * Math.Exp(-Math.Max(raw, 0) / Scale),
            _ => throw new InvalidOperationException($"unknown normalisation {Kind}"),
        };
        return Math.Clamp(score, 0, 100);
    }

    /// <summary>Human description for reports, e.g. "linear 0.1 -> 0 .. 0.35 -> 100".</summary>
    public string Describe() => Kind == NormalisationKind.Linear
        ? FormattableString.Invariant($"linear: {Worst} -> 0, {Best} -> 100")
        : FormattableString.Invariant($"100 exp(-x / {Scale})");
}

public enum NormalisationKind { Linear, ExpDecay }
