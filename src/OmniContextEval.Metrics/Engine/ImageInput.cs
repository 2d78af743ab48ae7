using System.Security.Cryptography;
using OmniContextEval.Imaging;

namespace OmniContextEval.Metrics.Engine;

/// <summary>
/// An image to run through a network: a file (hashed by its bytes, decoded only when the cache misses) or an
/// already decoded image (hashed by its size and pixels).
/// </summary>
public sealed class ImageInput
{
    private readonly string? path;
    private readonly RgbImage? image;

    private ImageInput(string name, string? path, RgbImage? image)
    {
        Name = name;
        this.path = path;
        this.image = image;
    }

    /// <summary>The file path or the given name; used in failure messages.</summary>
    public string Name { get; }

    public static ImageInput FromFile(string path) => new(path, Path.GetFullPath(path), null);

    public static ImageInput FromImage(string name, RgbImage image) => new(name, null, image);

    /// <summary>Reads the content once: returns its SHA-256 (hex) and a function that decodes it.</summary>
    public (string ContentHash, Func<RgbImage> Decode) Open()
    {
        if (image is not null)
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha.AppendData(BitConverter.GetBytes(image.Width));
            sha.AppendData(BitConverter.GetBytes(image.Height));
            sha.AppendData(image.Pixels);
            return ("rgb:" + Convert.ToHexStringLower(sha.GetHashAndReset()), () => image);
        }
        var bytes = File.ReadAllBytes(path!);
        return (Convert.ToHexStringLower(SHA256.HashData(bytes)), () => ImageDecoder.Decode(bytes, Name));
    }
}
