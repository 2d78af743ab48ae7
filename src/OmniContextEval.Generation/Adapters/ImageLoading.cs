using OmniContextEval.Imaging;

namespace OmniContextEval.Generation.Adapters;

/// <summary>How adapters turn files and bytes into images; tests may substitute a decoder. Defaults to <see cref="ImageDecoder"/>.</summary>
public sealed record ImageLoading(Func<string, RgbImage> LoadFile, Func<byte[], string, RgbImage> LoadBytes)
{
    public static readonly ImageLoading Default = new(path => ImageDecoder.Decode(path), (bytes, name) => ImageDecoder.Decode(bytes, name));
}
