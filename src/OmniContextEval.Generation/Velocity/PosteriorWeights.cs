namespace OmniContextEval.Generation.Velocity;

/// <summary>
/// The softmax weights of the exact marginal flow for a finite target set {y_i}: under x_t = t y + (1 - t) x0 with
/// x0 ~ N(0, I), p(x_t | y_i) is N(t y_i, (1 - t)^2 I), so
/// log w_i = (2 t &lt;x, y_i&gt; - t^2 ||y_i||^2) / (2 (1 - t)^2) + const (||x||^2 is common to all i and dropped).
/// Computed in double with the maximum subtracted, so no weight overflows for any t.
/// </summary>
public static class PosteriorWeights
{
    /// <summary>1 - t is never taken below this (the field is singular at t = 1; samplers do not evaluate there).</summary>
    public const double MinimumRemainingTime = 1e-4;

    public static double RemainingTime(float t) => Math.Max(1.0 - t, MinimumRemainingTime);

    /// <summary>Fills <paramref name="weights"/> (sum 1) from dot products &lt;x, y_i&gt; and squared norms ||y_i||^2.</summary>
    public static void Compute(ReadOnlySpan<double> dots, ReadOnlySpan<double> squaredNorms, float t, Span<double> weights)
    {
        var r = RemainingTime(t);
        var scale = 1.0 / (2.0 * r * r);
        var max = double.NegativeInfinity;
        for (var i = 0; i < dots.Length; i++)
        {
            weights[i] = (2.0 * t * dots[i] - (double)t * t * squaredNorms[i]) * scale;
            max = Math.Max(max, weights[i]);
        }
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++) sum += weights[i] = Math.Exp(weights[i] - max);
        for (var i = 0; i < weights.Length; i++) weights[i] /= sum;
    }
}
