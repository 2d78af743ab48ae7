using OmniContextEval.Numerics.LinearAlgebra;
using OmniContextEval.Metrics.Numerics;

namespace OmniContextEval.Metrics.Kid;

/// <summary>
/// Kernel Inception Distance: unbiased MMD^2 with the polynomial kernel k(x, y) = (x.y / d + 1)^3, averaged over
/// random subsets of equal size m drawn without replacement from each set (lower is better; about 0 for sets from
/// the same distribution, and it can be slightly negative). The subsets are torch-fidelity's: for each subset,
/// <c>choice(n_A, m, replace=False)</c> then <c>choice(n_B, m, replace=False)</c> from one NumPy
/// <c>RandomState(seed)</c> (<see cref="NumPyRandomState"/>), and the standard deviation is NumPy's (ddof 0), so equal
/// seeds give torch-fidelity's mean and standard deviation. Dot products and kernel sums are in float64; the
/// kernel values of all pairs are computed once (<see cref="KernelValues"/>) and shared by every subset, and the
/// subsets, drawn in order from the seeded sampler, are summed in parallel, each on its own.
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
        if (options.Seed < 0)
            throw new Core.HarnessException($"KID subset seed must be between 0 and 2^31 - 1, got {options.Seed}", Core.ExitCodes.UsageError);
        var kernels = new KernelValues(a, b);
        var sampler = new NumPyRandomState((uint)options.Seed);
        var subsets = new (int[] X, int[] Y)[options.Subsets];
        for (int s = 0; s < options.Subsets; s++)
            subsets[s] = (sampler.Choice(a.Rows, m), sampler.Choice(b.Rows, m));
        var values = new double[options.Subsets];
        Parallelism.For(0, options.Subsets, s => values[s] = kernels.UnbiasedMmd(subsets[s].X, subsets[s].Y));
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length; // population std, as np.std
        return new KidResult(mean, Math.Sqrt(variance), options.Subsets, m, options.Seed);
    }
}

/// <summary>KID mean and standard deviation over subsets (lower is better), with what produced them.</summary>
public sealed record KidResult(double Mean, double StandardDeviation, int Subsets, int SubsetSize, int Seed);
