using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OmniContextEval.Onnx.Models;

/// <summary>SHA-256 of files, remembered per (path, size, modification time) for the life of the process.</summary>
public static class FileHashes
{
    private static readonly ConcurrentDictionary<(string, long, DateTime), string> Known = new();

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public static string Sha256(string path)
    {
        var info = new FileInfo(path);
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc);
        return Known.GetOrAdd(key, _ =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        });
    }
}
