namespace OmniContextEval.Suites.Paths;

/// <summary>
/// Resolves paths written in case files (relative, forward slashes) to files inside the suite folder. A path that
/// is absolute, has a '..' segment or a backslash, or leads outside the suite through a symbolic link is refused.
/// </summary>
public static class SuitePaths
{
    /// <summary>Why <paramref name="relative"/> is not an acceptable suite path, or null when it is (syntax only).</summary>
    public static string? SyntaxProblem(string relative)
    {
        if (string.IsNullOrWhiteSpace(relative)) return "is empty";
        if (relative.Contains('\\')) return $"'{relative}' uses a backslash; write paths with forward slashes";
        if (relative.StartsWith('/') || Path.IsPathRooted(relative)) return $"'{relative}' is absolute; paths are relative to the suite folder";
        if (relative.Split('/').Any(part => part == "..")) return $"'{relative}' leaves the suite folder ('..')";
        return null;
    }

    /// <summary>
    /// The full path of <paramref name="relative"/> inside <paramref name="suiteFolder"/>, or null with a reason
    /// when it escapes the folder (also through symlinks). The file need not exist.
    /// </summary>
    public static string? TryResolve(string suiteFolder, string relative, out string? problem)
    {
        problem = SyntaxProblem(relative);
        if (problem is not null) return null;
        var root = RealPath(Path.GetFullPath(suiteFolder));
        var full = Path.GetFullPath(Path.Combine(suiteFolder, relative));
        var real = RealPath(full);
        if (!IsInside(root, real))
        {
            problem = $"'{relative}' resolves to {real} through a symbolic link, outside the suite folder {root}";
            return null;
        }
        return full;
    }

    /// <summary>The path with every symbolic link along it followed (the parts that exist).</summary>
    public static string RealPath(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? "/";
        var current = root;
        var pending = new Queue<string>(fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        for (var hops = 0; pending.Count > 0;)
        {
            var next = Path.Combine(current, pending.Dequeue());
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is not null)
            {
                if (++hops > 40) throw new IOException($"{fullPath}: too many levels of symbolic links");
                var target = Path.GetFullPath(info.LinkTarget, current);
                var rest = pending.ToArray();
                pending = new Queue<string>(target[(Path.GetPathRoot(target) ?? "/").Length..]
                    .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
                current = Path.GetPathRoot(target) ?? "/";
                continue;
            }
            current = next;
        }
        return current;
    }

    private static bool IsInside(string root, string path) =>
        path == root || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
