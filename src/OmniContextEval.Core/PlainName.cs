namespace OmniContextEval.Core;

/// <summary>
/// Names that become one folder name (run ids, method names): letters, digits, '-', '_' and '.', not empty, not
/// "." or "..". A plain name never leaves the folder it is joined to.
/// </summary>
public static class PlainName
{
    /// <summary>Why <paramref name="name"/> is not a plain name, or null when it is.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "is empty";
        if (name is "." or "..") return $"'{name}' is not a name";
        if (name.Length > 200) return "is longer than 200 characters";
        foreach (var c in name)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                return $"'{Shown(name)}' may hold only letters, digits, '-', '_' and '.'";
        return null;
    }

    /// <summary><paramref name="name"/> when it is plain; else a usage error (exit 2) naming <paramref name="option"/>.</summary>
    public static string Require(string? name, string option) =>
        Problem(name) is { } problem ? throw new HarnessException($"{option}: {problem}", ExitCodes.UsageError) : name!;

    /// <summary>
    /// <paramref name="name"/> when it is plain; else an invalid-input error (exit 3) naming the file and field it came from.
    /// </summary>
    public static string RequireInData(string? name, string file, string field) =>
        Problem(name) is { } problem ? throw new HarnessException($"{file}: {field} {problem}", ExitCodes.InvalidInput) : name!;

    private static string Shown(string name) =>
        new(name.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
