using System.Diagnostics;
using System.Globalization;
using OmniContextEval.Core.Cases;
using OmniContextEval.Generation.Adapters;
using OmniContextEval.Generation.Running;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Runs.Stages;

/// <summary>
/// The generate stage: runs a generator into {run}/outputs/{method}/seed-{S}/fullset/... (resumable), whose
/// generation.jsonl is the run's only generation file, and hands on one record per (case, seed) of the plan.
/// </summary>
public sealed class GenerateStage(GeneratorSettings settings, string method, TextWriter log) : IRunStage<RunPlan, GeneratedRun>
{
    public string Name => "generate";

    public async Task<GeneratedRun> RunAsync(RunPlan plan, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var generator = GeneratorFactory.Create(settings);
        try
        {
            var layout = new OutputLayout(Path.Combine(plan.RunFolder, "outputs"), method);
            var summary = await Generate(generator, layout, plan.Suite, plan.Seeds, log, cancel);
            return new GeneratedRun(plan, $"outputs/{method}", summary.Records,
                Describe(generator.Identity, summary.Records.FirstOrDefault()?.ConfigHash ?? ""), clock.Elapsed.TotalSeconds);
        }
        finally { (generator as IDisposable)?.Dispose(); }
    }

    /// <summary>Runs the generator with a progress line on <paramref name="log"/>, then lists problems and a one-line summary.</summary>
    public static async Task<GenerationSummary> Generate(IImageGenerator generator, OutputLayout layout, SuiteSnapshot suite,
        IReadOnlyList<int> seeds, TextWriter log, CancellationToken cancel)
    {
        GenerationSummary summary;
        var line = new ProgressLine(log);
        try { summary = await new GenerationRunner(generator, layout).RunAsync(suite.Cases, suite.Root, seeds, line, cancel); }
        finally { line.End(); } // also when cancelled

        foreach (var problem in summary.Problems.Take(20))
            log.WriteLine($"  {problem.Status.ToString().ToLowerInvariant()}: {problem.CaseId} seed {problem.Seed}: {problem.Error}");
        if (summary.Problems.Count > 20) log.WriteLine($"  ... {summary.Problems.Count - 20} more in {layout.LogPath}");
        log.WriteLine(summary.Describe());
        return summary;
    }

    private GeneratorProvenance Describe(GeneratorIdentity id, string configHash)
    {
        var config = new Dictionary<string, string> { ["version"] = id.Version, ["method"] = method };
        void Add(string key, object? value) { if (value is not null) config[key] = Convert.ToString(value, CultureInfo.InvariantCulture)!; }
        Add("steps", id.Steps);
        Add("solver", id.Solver);
        Add("text_guidance", id.TextGuidance);
        Add("image_guidance", id.ImageGuidance);
        Add("cfg_range", id.CfgRange is null ? null : string.Join(",", id.CfgRange.Select(v => v.ToString(CultureInfo.InvariantCulture))));
        Add("shift", id.Shift);
        Add("model_hash", id.ModelHash);
        Add("settings", id.Settings);
        return new GeneratorProvenance(id.Name, configHash, config);
    }
}
