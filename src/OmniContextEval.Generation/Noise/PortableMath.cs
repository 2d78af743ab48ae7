namespace OmniContextEval.Generation.Noise;

/// <summary>
/// Logarithm and sine/cosine built from IEEE-754 additions, multiplications and divisions only, in a fixed
/// order, so they give the same bits on every CPU, operating system and .NET version (the platform's
/// <see cref="Math.Log(double)"/> and <see cref="Math.Cos"/> come from its C library and may differ in the last bit).
/// Accuracy: within a few units in the last place of the double result, far below float rounding.
/// </summary>
public static class PortableMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.4142135623730951;
    private const double HalfPi = 1.5707963267948966;

    /// <summary>Natural logarithm of a positive, finite, normal <paramref name="x"/>.</summary>
    public static double Log(double x)
    {
        if (!(x > 0) || !double.IsNormal(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "needs a positive normal number");
        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        var mantissa = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (mantissa > Sqrt2) { mantissa *= 0.5; exponent++; }
        // log m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.1716: 13 odd terms reach double precision.
        var s = (mantissa - 1.0) / (mantissa + 1.0);
        var s2 = s * s;
        var series = 0.0;
        for (var k = 12; k >= 1; k--) series = (series + 1.0 / (2 * k + 1)) * s2;
        var logMantissa = 2.0 * s + 2.0 * s * series;
        return exponent * Ln2Hi + (logMantissa + exponent * Ln2Lo);
    }

    /// <summary>(sin, cos) of 2 pi <paramref name="turns"/> for turns in [0, 1).</summary>
    public static (double Sin, double Cos) SinCosTurns(double turns)
    {
        if (!(turns >= 0 && turns < 1)) throw new ArgumentOutOfRangeException(nameof(turns), turns, "needs [0, 1)");
        var quarters = turns * 4.0;                 // exact: a power-of-two scaling
        var quadrant = (int)Math.Floor(quarters);
        var f = quarters - quadrant;                // exact, in [0, 1)
        // Within the quadrant, angle = f * pi/2; past its middle use the complement so the polynomial stays on [0, pi/4].
        double s, c;
        if (f <= 0.5) (s, c) = SinCosSmall(f * HalfPi);
        else (c, s) = SinCosSmall((1.0 - f) * HalfPi);
        return quadrant switch
        {
            0 => (s, c),
            1 => (c, -s),
            2 => (-s, -c),
            _ => (-c, s),
        };
    }

    // Taylor series on [0, pi/4], Horner form; the first omitted terms are below 1e-18.
    private static (double Sin, double Cos) SinCosSmall(double r)
    {
        var r2 = r * r;
        var sin = 0.0;
        for (var k = 8; k >= 1; k--) sin = (1.0 - sin * r2 / ((2 * k) * (2 * k + 1))) ;
        sin *= r;
        var cos = 0.0;
        for (var k = 9; k >= 1; k--) cos = 1.0 - cos * r2 / ((2 * k - 1) * (2 * k));
        return (sin, cos);
    }
}
