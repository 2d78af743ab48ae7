namespace OmniContextEval.Metrics.Kid;

/// <summary>KID settings; the defaults are torch-fidelity's (100 subsets of at most 1000 vectors, subset seed 2020).</summary>
/// <param name="Subsets">Number of random subsets averaged.</param>
/// <param name="MaxSubsetSize">Subset size is min(this, smaller set's size).</param>
/// <param name="Seed">Seed of the subset sampler (NumPy's <c>RandomState</c>, as torch-fidelity's <c>rng_seed</c>): the same seed
/// gives the same subsets as torch-fidelity and bit-identical results.</param>
public sealed record KidOptions(int Subsets = 100, int MaxSubsetSize = 1000, int Seed = KidOptions.TorchFidelitySeed)
{
    /// <summary>torch-fidelity's default <c>rng_seed</c>.</summary>
    public const int TorchFidelitySeed = 2020;
}
