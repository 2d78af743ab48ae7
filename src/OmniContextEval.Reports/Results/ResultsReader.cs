using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Core.Scoring;

namespace OmniContextEval.Reports.Results;

/// <summary>
/// Reads results.json (and scores.jsonl) back, refusing anything this build cannot interpret: a missing or
/// truncated file (InvalidInput), another schema version (IncompatibleResults).
/// </summary>
public static class ResultsReader
{
    /// <summary>Reads a results folder or a results.json path.</summary>
    public static RunResults Read(string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, ResultsFiles.Results) : path;
        if (!File.Exists(file)) throw new HarnessException($"{file}: results file not found (expected a run folder holding {ResultsFiles.Results})");
        var bytes = File.ReadAllBytes(file);
        CheckSchemaVersion(file, bytes);
        try
        {
            return JsonSerializer.Deserialize<RunResults>(bytes, JsonOptions.Indented)
                ?? throw new HarnessException($"{file}: results file holds null");
        }
        catch (JsonException e)
        {
            throw new HarnessException($"{file}: not a valid results file at {e.Path ?? "$"}: {e.Message}");
        }
    }

    /// <summary>The per-output scores written beside results.json.</summary>
    public static List<CaseScore> ReadScores(string folder) =>
        JsonLines.Read<CaseScore>(Path.Combine(folder, ResultsFiles.Scores));

    private static void CheckSchemaVersion(string file, byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new HarnessException($"{file}: not valid JSON (truncated or corrupt?) at line {e.LineNumber + 1}, byte {e.BytePositionInLine}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("schemaVersion", out var version)
                || version.ValueKind != JsonValueKind.Number)
                throw new HarnessException($"{file}: field 'schemaVersion' is missing; this is not an omnictx results file");
            if (!version.TryGetInt32(out var number) || number != RunResults.CurrentSchemaVersion)
                throw new HarnessException(
                    $"{file}: results schema version {version.GetRawText()}; this harness reads version {RunResults.CurrentSchemaVersion} only (re-score the run with this harness)",
                    ExitCodes.IncompatibleResults);
        }
    }
}
