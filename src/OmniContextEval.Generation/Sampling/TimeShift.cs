using System.Globalization;

namespace OmniContextEval.Generation.Sampling;

/// <summary>
/// The schedule's time shift t' = t / (m - m t + t) (SD3's sigma' = m sigma / (1 + (m - 1) sigma) with sigma = 1 - t).
/// m &gt; 1 spends more steps near the noise end. Dynamic: m = sqrt(latent tokens) / 40; fixed: a given m (1 = no shift).
/// </summary>
public sealed record TimeShift(bool Dynamic, double Value)
{
    public static readonly TimeShift None = new(false, 1.0);
    public static TimeShift DynamicShift => new(true, 0);
    public static TimeShift Fixed(double m) =>
        m > 0 ? new(false, m) : throw new ArgumentOutOfRangeException(nameof(m), m, "the shift must be positive");

    /// <summary>m for a model with <paramref name="latentTokens"/> latent positions (height x width of the latent).</summary>
    public double Factor(long latentTokens) => Dynamic ? Math.Sqrt(latentTokens) / 40.0 : Value;

    public static double Apply(double t, double m) => t / (m - m * t + t);

    /// <summary>"dynamic", or the fixed factor in invariant culture.</summary>
    public override string ToString() => Dynamic ? "dynamic" : Value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses "dynamic", "none" or a positive number.</summary>
    public static TimeShift Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "dynamic" => DynamicShift,
        "none" => None,
        var s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0 => Fixed(m),
        _ => throw new FormatException($"time shift '{text}': expected 'dynamic', 'none' or a positive number"),
    };
}
