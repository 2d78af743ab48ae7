using System.CommandLine;
using System.Globalization;
using OmniContextEval.Core;
using OmniContextEval.Generation.Adapters;
using OmniContextEval.Generation.Native;
using OmniContextEval.Generation.Running;
using OmniContextEval.Generation.Sampling;
using OmniContextEval.Suites;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx generate</c>: every case of a suite x every seed, with one generator, resumable.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var suite = new Option<string>("--suite") { Description = "Suite folder.", DefaultValueFactory = _ => CasesCommand.DefaultSuite };
        var generator = new Option<string>("--generator") { Description = $"Generator: {string.Join(", ", GeneratorFactory.Names)}.", DefaultValueFactory = _ => "native" };
        var seeds = new Option<string>("--seeds") { Description = "Comma-separated seeds.", DefaultValueFactory = _ => "0,1,2" };
        var output = new Option<string>("--out") { Description = "Output folder; images go to {out}/{method}/seed-{S}/fullset/{task_type}/{key}.png.", DefaultValueFactory = _ => "runs" };
        var method = new Option<string?>("--method") { Description = "Method folder name (default: the generator's name)." };
        var source = new Option<string?>("--source") { Description = "folder: image folder; command: command line; http: endpoint URL; onnx: models folder." };
        var model = new Option<string?>("--model") { Description = "onnx: the velocity network's name in the models folder's models.json." };
        var steps = new Option<int>("--steps") { Description = "Sampler steps.", DefaultValueFactory = _ => 50 };
        var solver = new Option<SolverKind>("--solver") { Description = "euler or heun.", DefaultValueFactory = _ => SolverKind.Euler };
        var shift = new Option<string>("--shift") { Description = "Time shift: dynamic, none or a factor.", DefaultValueFactory = _ => "dynamic" };
        var text = new Option<double?>("--text-guidance") { Description = "s_txt (native default 1.5, OmniGen2's 5.0 for models)." };
        var image = new Option<double?>("--image-guidance") { Description = "s_img (native default 1.2, OmniGen2's 2.0 for models)." };
        var cfg = new Option<string>("--cfg-range") { Description = "Step fraction range with guidance, e.g. 0,1.", DefaultValueFactory = _ => "0,1" };
        var jobs = new Option<int?>("--jobs") { Description = "native: images at once (default: cores)." };
        var timeout = new Option<double>("--timeout") { Description = "command/http: seconds per attempt.", DefaultValueFactory = _ => 600 };
        var retries = new Option<int>("--retries") { Description = "command/http: retries after a failure.", DefaultValueFactory = _ => 2 };
        var batch = new Option<int>("--batch-size") { Description = "command: requests per process run.", DefaultValueFactory = _ => 8 };
        var concurrency = new Option<int>("--concurrency") { Description = "command/http: runs or requests at once.", DefaultValueFactory = _ => 2 };
        var command = new Command("generate", "Generate every case of a suite for each seed; reruns skip outputs that are up to date.")
        {
            suite, generator, seeds, output, method, source, model, steps, solver, shift, text, image, cfg, jobs, timeout, retries, batch, concurrency,
        };
        command.SetAction((parse, cancellation) =>
        {
            var name = parse.GetValue(generator)!;
            var defaults = name == "native" ? NativeFlowGenerator.DefaultGuidance : new GuidanceSettings();
            var (cfgStart, cfgEnd) = ParseRange(parse.GetValue(cfg)!);
            var sampler = new SamplerOptions
            {
                Steps = parse.GetValue(steps),
                Solver = parse.GetValue(solver),
                Shift = ParseShift(parse.GetValue(shift)!),
                Guidance = new GuidanceSettings(parse.GetValue(text) ?? defaults.TextScale, parse.GetValue(image) ?? defaults.ImageScale, cfgStart, cfgEnd),
            };
            var external = new ExternalOptions(TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(retries),
                BatchSize: parse.GetValue(batch), Concurrency: parse.GetValue(concurrency));
            var settings = new GeneratorSettings(name, parse.GetValue(source), sampler, external, parse.GetValue(jobs), parse.GetValue(model));
            return RunAsync(settings, parse.GetValue(suite)!, ParseSeeds(parse.GetValue(seeds)!), parse.GetValue(output)!, parse.GetValue(method) ?? name, cancellation);
        });
        return command;
    }

    private static async Task<int> RunAsync(GeneratorSettings settings, string suiteFolder, int[] seeds, string output, string method, CancellationToken cancellation)
    {
        var suite = Suite.Load(suiteFolder, readImageHeaders: false);
        var generator = GeneratorFactory.Create(settings);
        try
        {
            var layout = new OutputLayout(output, method);
            GenerationSummary summary;
            try { summary = await new GenerationRunner(generator, layout).RunAsync(suite.Cases, suite.Folder, seeds, new ProgressLine(), cancellation); }
            finally { Console.Error.WriteLine(); } // end the progress line, also when cancelled

            foreach (var problem in summary.Problems.Take(20))
                Console.Error.WriteLine($"  {problem.Status.ToString().ToLowerInvariant()}: {problem.CaseId} seed {problem.Seed}: {problem.Error}");
            if (summary.Problems.Count > 20) Console.Error.WriteLine($"  ... {summary.Problems.Count - 20} more in {layout.LogPath}");
            Console.Error.WriteLine(summary.Describe());
            return summary.Problems.Count == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
        }
        finally { (generator as IDisposable)?.Dispose(); }
    }

    private static int[] ParseSeeds(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var seeds = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s
            : throw new HarnessException($"--seeds: '{p}' is not a non-negative integer", ExitCodes.UsageError)).Distinct().ToArray();
        return seeds.Length > 0 ? seeds : throw new HarnessException("--seeds: no seeds given", ExitCodes.UsageError);
    }

    private static (double, double) ParseRange(string text)
    {
        var parts = text.Split(',');
        if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var b) && a <= b)
            return (a, b);
        throw new HarnessException($"--cfg-range: '{text}' is not START,END with START <= END", ExitCodes.UsageError);
    }

    private static TimeShift ParseShift(string text)
    {
        try { return TimeShift.Parse(text); }
        catch (FormatException e) { throw new HarnessException($"--shift: {e.Message}", ExitCodes.UsageError); }
    }
}
