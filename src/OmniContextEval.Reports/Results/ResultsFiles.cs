namespace OmniContextEval.Reports.Results;

/// <summary>File names inside a run folder, written by the pipeline stages in this order.</summary>
public static class ResultsFiles
{
    /// <summary>Generation records, one per (case, seed) (GenerationRecord).</summary>
    public const string Generation = "generation.jsonl";
    /// <summary>Raw metric records, one per (case, seed) (RawCaseMetrics).</summary>
    public const string RawMetrics = "metrics.raw.jsonl";
    /// <summary>Set-level metrics of the run (SetLevelMetrics); optional.</summary>
    public const string SetMetrics = "metrics.set.json";
    /// <summary>Generator identity, model hashes and stage timings of the run (RunManifest); optional.</summary>
    public const string Manifest = "run.json";
    /// <summary>The summary with provenance (RunResults).</summary>
    public const string Results = "results.json";
    /// <summary>Scores per output, one per (case, seed) (CaseScore).</summary>
    public const string Scores = "scores.jsonl";
    public const string ScoresCsv = "scores.csv";
    public const string CasesCsv = "cases.csv";
    /// <summary>A copy of the scoring specification the scores were computed under.</summary>
    public const string Spec = "scoring-spec.yaml";
}
