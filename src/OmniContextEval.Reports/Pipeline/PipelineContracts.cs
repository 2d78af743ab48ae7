using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Results;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Reports.Pipeline;

/// <summary>A loaded suite: its cases and identity (name, root folder, content hash).</summary>
/// <param name="Root">Absolute folder that case image paths are relative to.</param>
/// <param name="Sha256">Hash over the suite's case files and images; two runs compare only on equal hashes.</param>
public sealed record SuiteSnapshot(string Name, string Root, string Sha256, IReadOnlyList<BenchmarkCase> Cases);

/// <summary>Loads a suite folder (implemented by the suite library; registered in the CLI's stage catalog).</summary>
public interface ISuiteSource
{
    SuiteSnapshot Load(string path);
}

/// <summary>What the generate stage is asked for.</summary>
/// <param name="OutputDir">Folder for the images; GenerationRecord.OutputPath is relative to it.</param>
public sealed record GenerateRequest(string OutputDir, IReadOnlyList<int> Seeds);

/// <summary>What the generate stage did: one record per (case, seed), failures included, and its configuration.</summary>
public sealed record GenerateOutcome(IReadOnlyList<GenerationRecord> Records, GeneratorIdentity Generator);

/// <summary>Generates one output per (case, seed). Failures are records with status Failed, never exceptions.</summary>
public interface IGenerateStage
{
    Task<GenerateOutcome> GenerateAsync(SuiteSnapshot suite, GenerateRequest request, CancellationToken cancel);
}

/// <summary>What the measure stage computed.</summary>
/// <param name="Raw">One record per generation record, in any order.</param>
/// <param name="ModelHashes">sha256 per model file used, by model name.</param>
/// <param name="AbsentModels">Models not found; their metrics are in each record's NotComputed.</param>
/// <param name="Inference">The inference runtime and the device the networks ran on.</param>
public sealed record MeasureOutcome(IReadOnlyList<RawCaseMetrics> Raw, SetLevelMetrics SetLevel,
    IReadOnlyDictionary<string, string> ModelHashes, IReadOnlyList<string> AbsentModels, InferenceInfo? Inference = null);

/// <summary>Computes raw metrics for the generated outputs (implemented by the metric engine).</summary>
public interface IMeasureStage
{
    Task<MeasureOutcome> MeasureAsync(SuiteSnapshot suite, string outputDir, IReadOnlyList<GenerationRecord> records,
        CancellationToken cancel);
}

/// <summary>
/// run.json: what the generate and measure stages recorded for the score stage (seeds, generator, models,
/// timings). Optional for <c>omnictx score</c>: without it seeds come from the records and provenance says "unknown".
/// </summary>
/// <param name="OutputDir">Images folder, relative to the run folder or absolute.</param>
public sealed record RunManifest(
    string RunId,
    IReadOnlyList<int> Seeds,
    string OutputDir,
    GeneratorIdentity Generator,
    IReadOnlyDictionary<string, string> ModelHashes,
    IReadOnlyList<string> AbsentModels,
    IReadOnlyDictionary<string, double> TimingsSeconds,
    InferenceInfo? Inference = null);
