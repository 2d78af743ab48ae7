using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Generation.Adapters;

namespace OmniContextEval.Generation.Running;

/// <summary>
/// SHA-256 (hex) of everything an output depends on: the generator's identity, the case as loaded (instruction,
/// subjects, sizes, image paths), the bytes of its input images, the seed and the output size.
/// </summary>
public static class ConfigHash
{
    public static string Compute(GeneratorIdentity identity, GenerationRequest request, string inputImagesDigest)
    {
        var text = string.Join("\n",
            JsonSerializer.Serialize(identity, JsonOptions.Compact),
            JsonSerializer.Serialize(request.Case, JsonOptions.Compact),
            inputImagesDigest,
            $"seed={request.Seed}",
            $"size={request.Width}x{request.Height}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>SHA-256 over the case's input image files (an unreadable file contributes its error, so it is retried later).</summary>
    public static string InputImagesDigest(GenerationRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < request.Case.InputImages.Count; i++)
        {
            var path = request.InputPath(i);
            try { hash.AppendData(SHA256.HashData(File.ReadAllBytes(path))); }
            catch (IOException e) { hash.AppendData(Encoding.UTF8.GetBytes("unreadable:" + e.Message)); }
            catch (UnauthorizedAccessException e) { hash.AppendData(Encoding.UTF8.GetBytes("unreadable:" + e.Message)); }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
