using System.Security.Cryptography;
using OmniContextEval.Imaging;

namespace OmniContextEval.Metrics.Engine;

/// <summary>
/// An image to run through networks: a file (hashed by its bytes, decoded only when some network's cache misses)
/// or an already decoded image (hashed by its size and pixels). The hash is computed once and kept.
/// </summary>
public sealed class ImageInput
{
    private readonly string? path;
    private readonly RgbImage? image;
    private string? contentHash;

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

    /// <summary>SHA-256 (hex) of the file's bytes, or "rgb:" and the SHA-256 of size and pixels. Throws <see cref="IOException"/> when unreadable.</summary>
    public string ContentHash => contentHash ??= ComputeHash();

    /// <summary>The decoded image; throws <see cref="ImageDecodeException"/> or <see cref="IOException"/>.</summary>
    public RgbImage Decode() => image ?? ImageDecoder.Decode(File.ReadAllBytes(path!), Name);

    private string ComputeHash()
    {
        if (image is null)
        {
            using var stream = File.OpenRead(path!);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(BitConverter.GetBytes(image.Width));
        sha.AppendData(BitConverter.GetBytes(image.Height));
        sha.AppendData(image.Pixels);
        return "rgb:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
