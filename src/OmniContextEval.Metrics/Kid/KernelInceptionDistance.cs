using OmniContextEval.Metrics.Numerics;

namespace OmniContextEval.Metrics.Kid;

/// <summary>
/// Kernel Inception Distance: unbiased MMD^2 with the polynomial kernel k(x, y) = (x.y / d + 1)^3, averaged over
/// random subsets of equal size m drawn without replacement from each set (lower is better; about 0 for sets from
/// the same distribution, and it can be slightly negative). Dot products and kernel sums are in float64; the
/// dot products of all pairs are computed once (<see cref="DotProducts"/>) and shared by every subset.
/// </summary>
public static class KernelInceptionDistance
{
    public static KidResult Compute(FeatureMatrix a, FeatureMatrix b, KidOptions? options = null)
    {
        options ??= new KidOptions();
        if (a.Dimension != b.Dimension)
            throw new ArgumentException($"feature sets have different dimensions: {a.Dimension} and {b.Dimension}");
        int m = Math.Min(options.MaxSubsetSize, Math.Min(a.Rows, b.Rows));
        if (m < 2)
            throw new Core.HarnessException($"KID needs at least 2 feature vectors per set, got {a.Rows} and {b.Rows}");
        var dots = new DotProducts(a, b);
        var sampler = new SubsetSampler(options.Seed);
        var values = new double[options.Subsets];
        for (int s = 0; s < options.Subsets; s++)
        {
            var x = sampler.Draw(a.Rows, m);
            var y = sampler.Draw(b.Rows, m);
            values[s] = UnbiasedMmd(dots, x, y, a.Dimension);
        }
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length; // population std, as np.std
        return new KidResult(mean, Math.Sqrt(variance), options.Subsets, m, options.Seed);
    }

    /// <summary>Unbiased MMD^2 of rows <paramref name="x"/> of set A against rows <paramref name="y"/> of set B (equal counts).</summary>
    private static double UnbiasedMmd(DotProducts dots, int[] x, int[] y, double dimension)
    {
        int m = x.Length;
        double kxx = 0, kyy = 0, kxy = 0;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++)
            {
                if (j != i)
                {
                    kxx += Kernel(dots.AA(x[i], x[j]), dimension);
                    kyy += Kernel(dots.BB(y[i], y[j]), dimension);
                }
                kxy += Kernel(dots.AB(x[i], y[j]), dimension);
            }
        return (kxx + kyy) / ((double)m * (m - 1)) - 2 * kxy / ((double)m * m);
    }

    private static double Kernel(double dot, double dimension)
    {
        double t = dot / dimension + 1;
        return t * t * t;
    }
}

/// <summary>KID mean and standard deviation over subsets (lower is better), with what produced them.</summary>
public sealed record KidResult(double Mean, double StandardDeviation, int Subsets, int SubsetSize, int Seed);
