using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Results;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Metrics.Measuring;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Runs.Stages;

/// <summary>What <c>omnictx run</c> is asked for, once its suite is loaded: the first stage's input.</summary>
/// <param name="RunFolder">runs/&lt;run&gt;/: images (outputs/), records and results.</param>
/// <param name="ReportFolder">reports/&lt;run&gt;/.</param>
public sealed record RunPlan(SuiteSnapshot Suite, string RunId, string RunFolder, string ReportFolder, IReadOnlyList<int> Seeds);

/// <summary>What the generate stage did.</summary>
/// <param name="OutputDir">The generator's folder (images and generation.jsonl), relative to the run folder; record paths are relative to it.</param>
/// <param name="Records">One record per (case, seed) of the plan, failures included, case by case.</param>
public sealed record GeneratedRun(RunPlan Plan, string OutputDir, IReadOnlyList<GenerationRecord> Records,
    GeneratorProvenance Generator, double Seconds);

/// <summary>What the measure stage computed for the generated outputs.</summary>
public sealed record MeasuredRun(GeneratedRun Generated, MeasureResult Measured, double Seconds)
{
    public RunPlan Plan => Generated.Plan;

    /// <summary>The run's metadata (run.json): generator, models, stage timings and per-network timings.</summary>
    public RunManifest Manifest => new(Plan.RunId, Plan.Seeds, Generated.OutputDir, Generated.Generator, Measured.ModelHashes,
        Measured.AbsentModels, new Dictionary<string, double> { ["generate"] = Generated.Seconds, ["measure"] = Seconds },
        Measured.Inference, Measured.Timings);
}

/// <summary>The scored run: results.json and one score per (case, seed).</summary>
public sealed record ScoredRun(RunPlan Plan, RunResults Results, IReadOnlyList<CaseScore> Scores, double Seconds);

/// <summary>The written report.</summary>
/// <param name="Index">reports/&lt;run&gt;/index.html.</param>
public sealed record ReportedRun(ScoredRun Scored, string Index, double Seconds);
