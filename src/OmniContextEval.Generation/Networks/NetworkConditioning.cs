namespace OmniContextEval.Generation.Networks;

/// <summary>
/// What a velocity network is conditioned on for one case: the instruction's and the negative prompt's text
/// vectors, and the input images' latent (null when the case has none). The arrays are read, never changed.
/// </summary>
public sealed record NetworkConditioning(float[] Text, float[] NegativeText, float[]? ImageLatent);
