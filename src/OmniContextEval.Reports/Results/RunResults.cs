using OmniContextEval.Core.Scoring;
using OmniContextEval.Core.Statistics;

namespace OmniContextEval.Reports.Results;

/// <summary>
/// results.json: everything a run concluded, with what is needed to reproduce and compare it. Scores are
/// 0..100, higher is better. Per-output scores are in scores.jsonl beside it. Format in docs/results-format.md.
/// </summary>
public sealed record RunResults
{
    /// <summary>The schema version this build writes and the only one it reads.</summary>
    public const int CurrentSchemaVersion = 1;

    public required int SchemaVersion { get; init; }
    /// <summary>Run name, also the report folder name (reports/&lt;run&gt;/).</summary>
    public required string RunId { get; init; }
    public required DateTimeOffset CreatedUtc { get; init; }
    public required Provenance Provenance { get; init; }
    public required SpecIdentity Spec { get; init; }
    public required SuiteIdentity Suite { get; init; }
    public required IReadOnlyList<int> Seeds { get; init; }
    /// <summary>True when some metric was not computed for a reason other than a missing reference (e.g. an absent model).</summary>
    public required bool Partial { get; init; }
    /// <summary>Models the metric engine could not find; the metrics they feed are not computed.</summary>
    public required IReadOnlyList<string> AbsentModels { get; init; }
    /// <summary>Outputs per metric that were not computed, by metric name (no-reference cases included).</summary>
    public required IReadOnlyDictionary<string, int> NotComputedCounts { get; init; }
    public required SetLevelScore SetLevel { get; init; }
    public required ScoreSummary Summary { get; init; }
    public required IReadOnlyList<CaseSummary> Cases { get; init; }
    /// <summary>Instruction and image paths per case, for drill-down pages.</summary>
    public required IReadOnlyList<CaseDetails> Details { get; init; }
}

/// <summary>Which scoring specification produced the scores.</summary>
public sealed record SpecIdentity(string Name, int Version, string Sha256);

/// <summary>Which suite was run: its name, folder, content hash and size.</summary>
public sealed record SuiteIdentity(string Name, string Path, string Sha256, int CaseCount);

/// <summary>What a report shows for one case: the English instruction and absolute image paths (null when absent).</summary>
/// <param name="Outputs">Output image per seed, as "seed=path"; null path when the generation failed or is missing.</param>
public sealed record CaseDetails(string CaseId, string Instruction, IReadOnlyList<string> InputImages, string? ReferenceImage,
    IReadOnlyDictionary<string, string?> Outputs, IReadOnlyList<string> Subjects);
