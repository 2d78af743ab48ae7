using OmniContextEval.Core;
using OmniContextEval.Core.Cases;
using OmniContextEval.Imaging;
using OmniContextEval.Suites.Loading;
using OmniContextEval.Suites.Paths;

namespace OmniContextEval.Suites;

/// <summary>A loaded suite: its folder, manifest, cases and the headers of its images. Immutable.</summary>
public sealed class Suite
{
    private readonly Dictionary<string, BenchmarkCase> _byId;

    public Suite(string folder, SuiteManifest manifest, IReadOnlyList<BenchmarkCase> cases, IReadOnlyDictionary<string, ImageInfo> images)
    {
        Folder = Path.GetFullPath(folder);
        Manifest = manifest;
        Cases = cases;
        Images = images;
        _byId = cases.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    /// <summary>The suite folder, absolute.</summary>
    public string Folder { get; }
    public SuiteManifest Manifest { get; }
    /// <summary>The cases in file order (cases/ sorted by path).</summary>
    public IReadOnlyList<BenchmarkCase> Cases { get; }
    /// <summary>Image headers keyed by the path written in the case files; empty when loaded without headers.</summary>
    public IReadOnlyDictionary<string, ImageInfo> Images { get; }

    /// <summary>Loads a suite and refuses it, listing the first problems, when it has any.</summary>
    public static Suite Load(string folder, bool readImageHeaders = true)
    {
        var result = SuiteLoader.Load(folder, readImageHeaders);
        if (result.Issues.Count == 0) return result.Suite;
        var shown = string.Join("\n  ", result.Issues.Take(10));
        var more = result.Issues.Count > 10 ? $"\n  ... and {result.Issues.Count - 10} more (run `omnictx cases validate {folder}`)" : "";
        throw new HarnessException($"suite {folder} has {result.Issues.Count} problem(s):\n  {shown}{more}");
    }

    public BenchmarkCase? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The case with this id; a <see cref="HarnessException"/> naming the suite when there is none.</summary>
    public BenchmarkCase Get(string id) =>
        Find(id) ?? throw new HarnessException($"suite {Folder}: no case with id '{id}'");

    /// <summary>The full path of a path written in a case file; refuses paths that leave the suite (also via symlinks).</summary>
    public string ResolvePath(string relative) =>
        SuitePaths.TryResolve(Folder, relative, out var problem)
        ?? throw new HarnessException($"suite {Folder}: path {problem}");

    /// <summary>The full paths of a case's input images, in order.</summary>
    public IReadOnlyList<string> InputImagePaths(BenchmarkCase benchmarkCase) => benchmarkCase.InputImages.Select(ResolvePath).ToArray();
}
