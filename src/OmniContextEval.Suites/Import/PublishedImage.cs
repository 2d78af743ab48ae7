namespace OmniContextEval.Suites.Import;

/// <summary>
/// One input image of a published row: a file path relative to the images folder (JSON rows), or the image bytes
/// embedded in the row with the name they were stored under (parquet rows, Hugging Face image structs).
/// </summary>
public sealed record PublishedImage(string Name, byte[]? Bytes)
{
    public static PublishedImage File(string path) => new(path, null);

    public bool IsEmbedded => Bytes is not null;

    /// <summary>Same image: equal paths, or equal embedded bytes.</summary>
    public bool SameAs(PublishedImage other) =>
        IsEmbedded == other.IsEmbedded && (IsEmbedded ? Bytes!.AsSpan().SequenceEqual(other.Bytes) : Name == other.Name);
}
