using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Results;
using OmniContextEval.Generation.Running;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Runs.Scoring;

/// <summary>
/// What the score step needs from the earlier stages: the run's metadata, generation and raw metric records and the
/// set-level metrics. A run passes them in memory; <see cref="Read"/> takes them from a run folder for <c>omnictx score</c>.
/// </summary>
/// <param name="RunFolder">The run folder; output image paths in results are resolved against it and the manifest's OutputDir.</param>
public sealed record RunRecords(string RunFolder, RunManifest Manifest, IReadOnlyList<GenerationRecord> Generation,
    IReadOnlyList<RawCaseMetrics> Raw, SetLevelMetrics? SetLevel)
{
    /// <summary>
    /// Reads a run folder: run.json (optional), the generation records (generation.jsonl in the run folder as older
    /// runs wrote it, else the generator's generation.jsonl in the manifest's output folder, keeping this suite's
    /// cases and the run's seeds), metrics.raw.jsonl and metrics.set.json (optional).
    /// </summary>
    public static RunRecords Read(string runFolder, SuiteSnapshot suite)
    {
        var manifest = ReadManifest(runFolder);
        var inRunFolder = Path.Combine(runFolder, ResultsFiles.Generation);
        var root = Path.GetFullPath(runFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!(Path.GetFullPath(Path.Combine(runFolder, manifest.OutputDir)) + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal))
            throw new HarnessException($"{Path.Combine(runFolder, ResultsFiles.Manifest)}: output_dir '{manifest.OutputDir}' leaves the run folder", ExitCodes.InvalidInput);
        var inOutputs = Path.Combine(runFolder, manifest.OutputDir, ResultsFiles.Generation);
        IReadOnlyList<GenerationRecord> generation = [];
        if (File.Exists(inRunFolder)) generation = JsonLines.Read<GenerationRecord>(inRunFolder);
        else if (File.Exists(inOutputs))
        {
            var known = suite.Cases.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            generation = new GenerationLog(inOutputs).Load().Values
                .Where(r => known.Contains(r.CaseId) && (manifest.Seeds.Count == 0 || manifest.Seeds.Contains(r.Seed)))
                .ToList();
        }
        var raw = JsonLines.Read<RawCaseMetrics>(Path.Combine(runFolder, ResultsFiles.RawMetrics));
        var setPath = Path.Combine(runFolder, ResultsFiles.SetMetrics);
        return new RunRecords(runFolder, manifest, generation, raw, File.Exists(setPath) ? ReadJson<SetLevelMetrics>(setPath) : null);
    }

    private static RunManifest ReadManifest(string runFolder)
    {
        var path = Path.Combine(runFolder, ResultsFiles.Manifest);
        if (!File.Exists(path))
            return new RunManifest(Path.GetFileName(Path.GetFullPath(runFolder).TrimEnd('/')), [], "outputs", GeneratorProvenance.Unknown,
                new Dictionary<string, string>(), [], new Dictionary<string, double>());
        return ReadJson<RunManifest>(path);
    }

    /// <summary>Reads one JSON file; invalid content fails naming the file and the JSON path.</summary>
    public static T ReadJson<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), JsonOptions.Indented)
                ?? throw new HarnessException($"{path}: holds null");
        }
        catch (JsonException e)
        {
            throw new HarnessException($"{path}: not a valid {typeof(T).Name} at {e.Path ?? "$"}: {e.Message}");
        }
    }
}
