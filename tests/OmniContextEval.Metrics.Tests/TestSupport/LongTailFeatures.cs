using System.Text.Json;
using OmniContextEval.Metrics.Numerics;

namespace OmniContextEval.Metrics.Tests.TestSupport;

/// <summary>
/// Network-like feature sets with a realistic covariance spectrum: a few large eigenvalues (16 shared factors of
/// halving amplitude) over a geometric tail of per-dimension noise, stored as float32 like network outputs. With a
/// sample count near the dimension the sample covariance's spectrum runs from about 80 down to 1e-7, and the
/// eigenvalues of S1 S2 down to 1e-13: the long tail that a relative floor on eigenvalues truncates.
/// Every value is a fixed sequence of IEEE operations on SplitMix64 draws (no library functions), so
/// tools/fid-kid-references.py builds the same bits in NumPy; the expected values it writes come from those.
/// </summary>
public static class LongTailFeatures
{
    public const int Factors = 16;
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private const ulong WeightSeed = 7;

    /// <param name="seed">Stream of the per-sample draws.</param>
    /// <param name="noise">Scale of the per-dimension noise (the second set of a pair differs in it).</param>
    /// <param name="decay">Ratio between the noise scales of consecutive dimensions.</param>
    /// <param name="amplitude">Amplitude of the first factor; each next one has half.</param>
    public static FeatureMatrix Create(int rows, int dimension, ulong seed, double noise, double decay = 0.99778, double amplitude = 0.6)
    {
        var weights = new double[Factors * dimension];
        for (int k = 0; k < weights.Length; k++)
            weights[k] = (Uniform(WeightSeed, (ulong)k) - 0.5) * 2.0;
        var scales = new double[dimension];
        scales[0] = 1.0;
        for (int j = 1; j < dimension; j++)
            scales[j] = scales[j - 1] * decay;
        var values = new float[rows * dimension];
        var x = new double[dimension];
        var g = new double[Factors];
        for (int i = 0; i < rows; i++)
        {
            ulong rowStart = (ulong)i * (ulong)(Factors + dimension);
            for (int f = 0; f < Factors; f++)
                g[f] = Normal(seed, rowStart + (ulong)f);
            Array.Clear(x);
            double a = amplitude;
            for (int f = 0; f < Factors; f++)
            {
                double ga = g[f] * a;
                for (int j = 0; j < dimension; j++)
                    x[j] += ga * weights[f * dimension + j];
                a *= 0.5;
            }
            for (int j = 0; j < dimension; j++)
                values[i * dimension + j] = (float)(x[j] + Normal(seed, rowStart + (ulong)(Factors + j)) * (scales[j] * noise));
        }
        return new FeatureMatrix(rows, dimension, values);
    }

    /// <summary>Side "A" or "B" of a case in tests/fixtures/metrics/long-tail.json (rowsA, dimension, seedA, noiseA, ...).</summary>
    public static FeatureMatrix ForCase(JsonElement c, string side) =>
        Create(c.GetProperty("rows" + side).GetInt32(), c.GetProperty("dimension").GetInt32(),
               c.GetProperty("seed" + side).GetUInt64(), c.GetProperty("noise" + side).GetDouble());

    /// <summary>The k-th SplitMix64 output of a stream, as a double in [0, 1) with 53 random bits.</summary>
    private static double Uniform(ulong seed, ulong k)
    {
        ulong z = unchecked(seed + (k + 1) * Gamma);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Sum of four uniforms minus 2 (Irwin-Hall: mean 0, variance 1/3), draws 4k..4k+3.</summary>
    private static double Normal(ulong seed, ulong k) =>
        Uniform(seed, 4 * k) + Uniform(seed, 4 * k + 1) + Uniform(seed, 4 * k + 2) + Uniform(seed, 4 * k + 3) - 2.0;
}
