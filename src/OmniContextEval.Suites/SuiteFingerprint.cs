using System.Security.Cryptography;
using System.Text;

namespace OmniContextEval.Suites;

/// <summary>
/// The content hash of a suite: sha256 over suite.json, every case file and every image the cases name
/// (inputs and references), each as "relative path, NUL, sha256 of its bytes", sorted by path. Two runs
/// compare only when their suites hash alike.
/// </summary>
public static class SuiteFingerprint
{
    public static string Compute(Suite suite)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        if (File.Exists(Path.Combine(suite.Folder, Loading.SuiteManifest.FileName))) files.Add(Loading.SuiteManifest.FileName);
        var casesDir = Path.Combine(suite.Folder, Loading.SuiteLoader.CasesFolder);
        foreach (var file in Directory.EnumerateFiles(casesDir, "*.json", SearchOption.AllDirectories))
            files.Add(Path.GetRelativePath(suite.Folder, file).Replace('\\', '/'));
        foreach (var c in suite.Cases)
        {
            foreach (var image in c.InputImages) files.Add(image);
            if (c.ReferenceImage is not null) files.Add(c.ReferenceImage);
        }
        var perFile = files.AsParallel().AsOrdered()
            .Select(f => $"{f}\0{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(suite.ResolvePath(f))))}\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(perFile))));
    }
}
