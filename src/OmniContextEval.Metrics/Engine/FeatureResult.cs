namespace OmniContextEval.Metrics.Engine;

/// <summary>
/// A network's outputs for one image, in manifest order (each the item's values without the batch axis), or the
/// reason there are none (unreadable file, decode error, NaN or infinite output).
/// </summary>
public sealed record FeatureResult(string Name, string? ContentHash, float[][]? Outputs, string? Error, bool FromCache)
{
    public bool Ok => Outputs is not null;

    /// <summary>Output <paramref name="index"/>; throws when this result is a failure.</summary>
    public float[] Output(int index = 0) =>
        Outputs?[index] ?? throw new InvalidOperationException($"{Name}: no features ({Error})");
}
