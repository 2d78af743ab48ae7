using System.CommandLine;
using System.Globalization;
using OmniContextEval.Core;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Measuring;
using OmniContextEval.Runs;
using OmniContextEval.Runs.Stages;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx run</c>: generate, measure, score and report in one go.</summary>
public static class RunCommand
{
    public static Command Create(CliContext cli)
    {
        var suite = new Option<string>("--suite") { Description = "Suite folder.", DefaultValueFactory = _ => CasesCommand.DefaultSuite };
        var generatorOptions = new GeneratorOptions();
        var seeds = new Option<string>("--seeds") { Description = "Comma-separated seeds.", DefaultValueFactory = _ => "0,1,2" };
        var runId = new Option<string?>("--run-id") { Description = "Run name (default: the method name, so a rerun resumes and skips outputs that are up to date)." };
        var runs = new Option<string>("--runs-dir") { Description = "Where run folders go.", DefaultValueFactory = _ => "runs" };
        var reports = new Option<string>("--reports-dir") { Description = "Where reports go.", DefaultValueFactory = _ => "reports" };
        var models = new Option<string?>("--models") { Description = $"Models folder (default: ${ModelsFolder.EnvironmentVariable}, else {ModelsFolder.DefaultFolder}); absent models make the result partial." };
        var device = CommonOptions.Device();
        var overlap = new Option<bool>("--overlap") { Description = "Decode and preprocess while the networks run (default: in turns, each with every core; see docs/metrics-engine.md)." };
        var spec = CommonOptions.Spec();
        var command = new Command("run", "Generate every case and seed, compute metrics, score and write reports/<run>/index.html.")
        {
            suite, seeds, runId, runs, reports, models, device, overlap, spec,
        };
        generatorOptions.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            // Arguments first, so that a typo is reported before anything is loaded.
            var id = parse.GetValue(runId) is { } given ? PlainName.Require(given, "--run-id") : generatorOptions.Method(parse);
            var seedList = ParseSeeds(parse.GetValue(seeds)!);
            var generatorSettings = generatorOptions.Read(parse);
            var (scoring, bytes) = CommonOptions.LoadSpec(parse.GetValue(spec));
            var measureSettings = new MeasureSettings(ModelsFolder.Resolve(parse.GetValue(models)),
                new SessionSettings(SessionSettings.ParseDevice(parse.GetValue(device)!)), new EngineOptions(OverlapInference: parse.GetValue(overlap)),
                Path.Combine(parse.GetValue(runs)!, "feature-cache.sqlite"));
            var pipeline = new RunPipeline(
                new GenerateStage(generatorSettings, generatorOptions.Method(parse), cli.Error),
                new MeasureStage(measureSettings, cli.Error),
                new ScoreStage(scoring, bytes),
                new ReportStage(),
                cli.Error);
            var plan = new RunPlan(cli.Suites.Load(parse.GetValue(suite)!), id, Path.Combine(parse.GetValue(runs)!, id),
                Path.Combine(parse.GetValue(reports)!, id), seedList);
            var (_, exitCode) = await pipeline.RunAsync(plan, cancel);
            return exitCode;
        });
        return command;
    }

    /// <summary>"0,1,2" -> [0, 1, 2]; rejects empty, duplicate or non-integer seeds.</summary>
    public static IReadOnlyList<int> ParseSeeds(string text)
    {
        var seeds = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) || seed < 0)
                throw new HarnessException($"--seeds: '{part}' is not a non-negative integer", ExitCodes.UsageError);
            if (seeds.Contains(seed)) throw new HarnessException($"--seeds: seed {seed} is given twice", ExitCodes.UsageError);
            seeds.Add(seed);
        }
        return seeds.Count > 0 ? seeds : throw new HarnessException("--seeds: at least one seed is needed", ExitCodes.UsageError);
    }
}
