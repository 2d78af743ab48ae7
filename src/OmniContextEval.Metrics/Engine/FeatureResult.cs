namespace OmniContextEval.Metrics.Engine;

/// <summary>
/// A network's outputs for one image, in manifest order (each the item's values without the batch axis), or the
/// reason there are none (unreadable file, decode error, NaN or infinite output).
/// </summary>
/// <param name="ItemShapes">Each output's shape without the batch axis when the network just ran; null when read from the cache.</param>
public sealed record FeatureResult(string Name, string? ContentHash, float[][]? Outputs, string? Error, bool FromCache,
    IReadOnlyList<long[]>? ItemShapes = null)
{
    public bool Ok => Outputs is not null;

    /// <summary>Output <paramref name="index"/>; throws when this result is a failure.</summary>
    public float[] Output(int index = 0) =>
        Outputs?[index] ?? throw new InvalidOperationException($"{Name}: no features ({Error})");

    /// <summary>Why there are no features, without the image's name (decode errors start with its path).</summary>
    public string? Reason => Error is { } e && e.StartsWith(Name + ": ", StringComparison.Ordinal) ? e[(Name.Length + 2)..] : Error;

    /// <summary>The failure as one message naming the image once.</summary>
    public string Describe() => $"{Name}: {Reason ?? "ok"}";

    public static FeatureResult Failed(string name, string? hash, string error) => new(name, hash, null, error, false);
}
