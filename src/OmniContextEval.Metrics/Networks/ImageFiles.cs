using OmniContextEval.Core;

namespace OmniContextEval.Metrics.Networks;

/// <summary>The image files of a folder, as the standalone metric commands read them.</summary>
public static class ImageFiles
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg", ".webp"];

    /// <summary>PNG, JPEG and WebP files directly in <paramref name="dir"/>, in ordinal name order.</summary>
    public static IReadOnlyList<string> InFolder(string dir)
    {
        if (!Directory.Exists(dir))
            throw new HarnessException($"{dir}: folder not found");
        var files = Directory.EnumerateFiles(dir)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new HarnessException($"{dir}: no .png, .jpg, .jpeg or .webp images");
        return files;
    }
}
