namespace OmniContextEval.Testing;

/// <summary>Locations tests read from: the repository root, committed fixtures, and ../shared beside the clone.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures");

    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    /// <summary>../shared/reference-data, or null when this clone has no ../shared beside it.</summary>
    public static string? SharedReferenceData => Directory.Exists(SharedReferenceDataPath) ? SharedReferenceDataPath : null;

    /// <summary>Where ../shared/reference-data is looked for.</summary>
    public static string SharedReferenceDataPath => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "reference-data"));

    /// <summary>A fresh empty folder under the system temp directory.</summary>
    public static string NewTempDir(string prefix = "omnictx-test")
    {
        var dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OmniContextEval.sln")))
                return dir.FullName;
        throw new InvalidOperationException("OmniContextEval.sln not found above " + AppContext.BaseDirectory);
    }
}
