using OmniContextEval.Metrics.Numerics;

namespace OmniContextEval.Bench.Fid;

/// <summary>
/// Seeded stand-ins for pool3 features: non-negative (a ReLU of) 16 shared latent factors plus independent noise,
/// so the covariance has a few large eigenvalues above a broad bulk, as real features have.
/// </summary>
internal static class SyntheticFeatures
{
    private const int Factors = 16;

    /// <param name="shift">Added before the ReLU; a second set with a small shift is a "different distribution".</param>
    public static FeatureMatrix Create(int rows, int dimension, int seed, double shift)
    {
        var loadings = new double[dimension * Factors];
        var shared = new Random(20240601); // the same factor loadings for every set
        for (int i = 0; i < loadings.Length; i++)
            loadings[i] = 0.3 * Gaussian(shared);
        var rng = new Random(seed);
        var values = new float[(long)rows * dimension];
        var latent = new double[Factors];
        for (int r = 0; r < rows; r++)
        {
            for (int f = 0; f < Factors; f++)
                latent[f] = Gaussian(rng);
            for (int k = 0; k < dimension; k++)
            {
                double v = shift + 0.5 * Gaussian(rng);
                for (int f = 0; f < Factors; f++)
                    v += loadings[k * Factors + f] * latent[f];
                values[(long)r * dimension + k] = (float)Math.Max(v, 0);
            }
        }
        return new FeatureMatrix(rows, dimension, values);
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
