using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Core.Cases;
using OmniContextEval.Imaging;
using OmniContextEval.Suites.Validation;

namespace OmniContextEval.Suites.Loading;

/// <summary>What loading a suite gave: the suite (cases that could be read) and every problem found.</summary>
public sealed record SuiteLoadResult(Suite Suite, IReadOnlyList<ValidationIssue> Issues, int CaseFiles);

/// <summary>
/// Reads every case file under &lt;suite&gt;/cases/, checks it against the case format and, when asked, reads the
/// header (not the pixels) of every image it names. Problems are collected, never thrown one at a time.
/// </summary>
public static class SuiteLoader
{
    public const string CasesFolder = "cases";

    public static SuiteLoadResult Load(string folder, bool readImageHeaders = true)
    {
        if (!Directory.Exists(folder))
            throw new HarnessException($"suite folder {folder} does not exist");
        var issues = new List<ValidationIssue>();
        var manifest = ReadManifest(folder, issues);
        var casesDir = Path.Combine(folder, CasesFolder);
        var files = Directory.Exists(casesDir)
            ? Directory.EnumerateFiles(casesDir, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : [];
        if (files.Length == 0)
            issues.Add(new ValidationIssue(CasesFolder + "/", null, "", "no case files (*.json) found"));
        var parsed = new (BenchmarkCase? Case, string? Id, IReadOnlyList<ValidationIssue> Issues)[files.Length];
        Parallel.For(0, files.Length, i => parsed[i] = ReadCase(folder, files[i]));
        var cases = new List<BenchmarkCase>();
        var rules = new CaseRules(folder, readImageHeaders);
        var fileOfId = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Length; i++)
        {
            issues.AddRange(parsed[i].Issues);
            var file = Relative(folder, files[i]);
            if (parsed[i].Id is { } id && !fileOfId.TryAdd(id, file))
                issues.Add(new ValidationIssue(file, id, "id", $"duplicate id: also used by {fileOfId[id]}"));
            if (parsed[i].Case is not { } benchmarkCase) continue; // image checks need a file that follows the format
            issues.AddRange(rules.Check(file, benchmarkCase));
            cases.Add(benchmarkCase);
        }
        return new SuiteLoadResult(new Suite(folder, manifest, cases, rules.Headers), issues, files.Length);
    }

    private static (BenchmarkCase?, string?, IReadOnlyList<ValidationIssue>) ReadCase(string folder, string path)
    {
        var file = Relative(folder, path);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var structure = CaseStructure.Check(file, document.RootElement, out var caseId);
            if (structure.Count > 0) return (null, caseId, structure);
            try { return (CaseJson.Deserialize(document.RootElement), caseId, []); }
            catch (JsonException e) { return (null, caseId, [new ValidationIssue(file, caseId, e.Path?.TrimStart('$', '.') ?? "", e.Message)]); }
        }
        catch (JsonException e)
        {
            return (null, null, [new ValidationIssue(file, null, "", $"not valid JSON (line {e.LineNumber + 1}): {e.Message}")]);
        }
        catch (IOException e)
        {
            return (null, null, [new ValidationIssue(file, null, "", $"cannot be read: {e.Message}")]);
        }
        catch (UnauthorizedAccessException e)
        {
            return (null, null, [new ValidationIssue(file, null, "", $"cannot be read: {e.Message}")]);
        }
    }

    private static SuiteManifest ReadManifest(string folder, List<ValidationIssue> issues)
    {
        var path = Path.Combine(folder, SuiteManifest.FileName);
        var fallback = new SuiteManifest(Path.GetFileName(Path.GetFullPath(folder).TrimEnd('/')), "unversioned");
        if (!File.Exists(path)) return fallback;
        try
        {
            var manifest = JsonSerializer.Deserialize<SuiteManifest>(File.ReadAllBytes(path), JsonOptions.Indented);
            if (manifest is { Name.Length: > 0, Version.Length: > 0 }) return manifest;
            issues.Add(new ValidationIssue(SuiteManifest.FileName, null, "name", "suite.json needs a non-empty name and version"));
        }
        catch (JsonException e)
        {
            issues.Add(new ValidationIssue(SuiteManifest.FileName, null, e.Path?.TrimStart('$', '.') ?? "", $"not a valid suite manifest: {e.Message}"));
        }
        return fallback;
    }

    internal static string Relative(string folder, string path) => Path.GetRelativePath(folder, path).Replace('\\', '/');
}
