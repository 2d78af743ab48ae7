using OmniContextEval.Core.Cases;

namespace OmniContextEval.Core.Results;

/// <summary>
/// The published OmniContext results layout, <c>{root}/{method}/fullset/{task_type}/{key}.png</c>, shared by the
/// generator (writes) and the scorer (reads). The harness's multi-seed layout is
/// <c>{root}/{method}/seed-{S}/fullset/{task_type}/{key}.png</c>: each seed folder is itself a published method folder.
/// </summary>
public static class PublishedResultsLayout
{
    public const string FullSet = "fullset";
    public const string Extension = ".png";

    /// <summary>The image path of one case in a published-layout method folder (<c>{root}/{method}</c>).</summary>
    public static string ImagePath(string methodFolder, Subtask subtask, string key) =>
        Path.Combine(methodFolder, FullSet, SubtaskInfo.PublishedName(subtask), CheckedKey(key) + Extension);

    /// <summary><c>{root}/{method}</c>, the folder the published scorer calls a method.</summary>
    public static string MethodFolder(string root, string method) => Path.Combine(root, CheckedName(method, "method"));

    /// <summary><c>{root}/{method}/seed-{S}</c>: one seed's outputs, itself laid out as a published method folder.</summary>
    public static string SeedFolder(string root, string method, int seed) =>
        seed < 0 ? throw new ArgumentOutOfRangeException(nameof(seed), seed, "seeds are non-negative")
                 : Path.Combine(MethodFolder(root, method), $"seed-{seed}");

    /// <summary>The seeds that have a folder under <c>{root}/{method}</c>, ascending.</summary>
    public static IReadOnlyList<int> Seeds(string root, string method)
    {
        var folder = MethodFolder(root, method);
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateDirectories(folder, "seed-*")
            .Select(d => int.TryParse(Path.GetFileName(d)["seed-".Length..], System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : -1)
            .Where(s => s >= 0).Order().ToArray();
    }

    /// <summary>Every output image in a method folder as (subtask, key, path); files outside the layout are ignored.</summary>
    public static IEnumerable<(Subtask Subtask, string Key, string Path)> Enumerate(string methodFolder)
    {
        var fullset = Path.Combine(methodFolder, FullSet);
        if (!Directory.Exists(fullset)) yield break;
        foreach (var dir in Directory.EnumerateDirectories(fullset).Order(StringComparer.Ordinal))
        {
            if (!SubtaskInfo.TryParse(Path.GetFileName(dir), out var subtask)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, "*" + Extension).Order(StringComparer.Ordinal))
                yield return (subtask, Path.GetFileNameWithoutExtension(file), file);
        }
    }

    private static string CheckedKey(string key) => CheckedName(key, "case key");

    private static string CheckedName(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name) || name is "." or ".." || name.IndexOfAny(['/', '\\', '\0']) >= 0)
            throw new HarnessException($"{what} '{name}' cannot be used as a file name in the results layout");
        return name;
    }
}
