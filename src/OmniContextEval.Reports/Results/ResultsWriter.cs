using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Reports.Csv;

namespace OmniContextEval.Reports.Results;

/// <summary>Writes results.json, scores.jsonl, cases.csv, scores.csv and the specification copy into a run folder.</summary>
public static class ResultsWriter
{
    public static void Write(string folder, RunResults results, IReadOnlyList<CaseScore> scores, byte[] specBytes)
    {
        Directory.CreateDirectory(folder);
        JsonLines.Write(Path.Combine(folder, ResultsFiles.Scores), scores);
        AtomicFile.WriteAllText(Path.Combine(folder, ResultsFiles.CasesCsv), CsvExporter.Cases(results));
        AtomicFile.WriteAllText(Path.Combine(folder, ResultsFiles.ScoresCsv), CsvExporter.Scores(results, scores));
        AtomicFile.WriteAllBytes(Path.Combine(folder, ResultsFiles.Spec), specBytes);
        // Last, so that a folder with results.json is always complete.
        AtomicFile.WriteAllText(Path.Combine(folder, ResultsFiles.Results), JsonSerializer.Serialize(results, JsonOptions.Indented) + "\n");
    }
}
