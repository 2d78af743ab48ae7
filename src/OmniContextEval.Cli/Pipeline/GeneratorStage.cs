using System.Globalization;
using OmniContextEval.Cli.Commands;
using OmniContextEval.Core.Results;
using OmniContextEval.Generation.Adapters;
using OmniContextEval.Generation.Running;
using OmniContextEval.Reports.Pipeline;
using ReportsGeneratorIdentity = OmniContextEval.Reports.Results.GeneratorIdentity;

namespace OmniContextEval.Cli.Pipeline;

/// <summary>
/// The pipeline's generate stage: runs a generator from the Generation library into
/// {output}/{method}/seed-{S}/fullset/... (resumable) and returns one record per (case, seed) of this suite.
/// </summary>
public sealed class GeneratorStage(GeneratorSettings settings, string method) : IGenerateStage
{
    public async Task<GenerateOutcome> GenerateAsync(SuiteSnapshot suite, GenerateRequest request, CancellationToken cancel)
    {
        var generator = GeneratorFactory.Create(settings);
        try
        {
            var layout = new OutputLayout(request.OutputDir, method);
            await GenerateCommand.GenerateWithProgress(generator, layout, suite.Cases, suite.Root, request.Seeds, cancel);
            var logged = new GenerationLog(layout.LogPath).Load();
            var records = suite.Cases.SelectMany(c => request.Seeds.Select(seed => logged.TryGetValue((c.Id, seed), out var r)
                    ? r : new GenerationRecord(c.Id, seed, GenerationStatus.Missing, null, $"no record in {layout.LogPath}", "", 0)))
                .Select(r => r.OutputPath is null ? r : r with { OutputPath = $"{method}/{r.OutputPath.Replace('\\', '/')}" })
                .ToList();
            return new GenerateOutcome(records, Describe(generator.Identity, records.FirstOrDefault()?.ConfigHash ?? ""));
        }
        finally { (generator as IDisposable)?.Dispose(); }
    }

    private ReportsGeneratorIdentity Describe(GeneratorIdentity id, string configHash)
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
        return new ReportsGeneratorIdentity(id.Name, configHash, config);
    }
}
