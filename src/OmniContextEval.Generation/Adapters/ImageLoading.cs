using OmniContextEval.Imaging;

namespace OmniContextEval.Generation.Adapters;

/// <summary>
/// How adapters turn files and bytes into images; tests may substitute a decoder. The default reads files through
/// <see cref="RegularFile"/> (no blocking open, regular files only, no link as the last component, at most
/// <see cref="ExternalOptions.DefaultMaxAnswerBytes"/>) and decodes with <see cref="ImageDecoder"/>.
/// </summary>
public sealed record ImageLoading(Func<string, RgbImage> LoadFile, Func<byte[], string, RgbImage> LoadBytes)
{
    public static readonly ImageLoading Default = Bounded(ExternalOptions.DefaultMaxAnswerBytes);

    /// <summary>Files larger than <paramref name="maxFileBytes"/> are refused before they are read.</summary>
    public static ImageLoading Bounded(long maxFileBytes) => new(
        path => ImageDecoder.Decode(RegularFile.ReadAll(path, maxFileBytes), PrintableText.Escape(path, 300)),
        (bytes, name) => ImageDecoder.Decode(bytes, name));
}
