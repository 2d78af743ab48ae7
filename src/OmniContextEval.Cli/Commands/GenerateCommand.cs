using System.CommandLine;
using OmniContextEval.Core;
using OmniContextEval.Core.Cases;
using OmniContextEval.Generation.Adapters;
using OmniContextEval.Generation.Running;
using OmniContextEval.Suites;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx generate</c>: every case of a suite x every seed, with one generator, resumable.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var suite = new Option<string>("--suite") { Description = "Suite folder.", DefaultValueFactory = _ => CasesCommand.DefaultSuite };
        var seeds = new Option<string>("--seeds") { Description = "Comma-separated seeds.", DefaultValueFactory = _ => "0,1,2" };
        var output = new Option<string>("--out") { Description = "Output folder; images go to {out}/{method}/seed-{S}/fullset/{task_type}/{key}.png.", DefaultValueFactory = _ => "runs" };
        var generatorOptions = new GeneratorOptions();
        var command = new Command("generate", "Generate every case of a suite for each seed; reruns skip outputs that are up to date.") { suite, seeds, output };
        generatorOptions.AddTo(command);
        command.SetAction((parse, cancellation) => RunAsync(generatorOptions.Read(parse), parse.GetValue(suite)!,
            RunCommand.ParseSeeds(parse.GetValue(seeds)!), parse.GetValue(output)!, generatorOptions.Method(parse), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(GeneratorSettings settings, string suiteFolder, IReadOnlyList<int> seeds, string output, string method, CancellationToken cancellation)
    {
        var suite = Suite.Load(suiteFolder, readImageHeaders: false);
        var generator = GeneratorFactory.Create(settings);
        try
        {
            var summary = await GenerateWithProgress(generator, new OutputLayout(output, method), suite.Cases, suite.Folder, seeds, cancellation);
            return summary.Problems.Count == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
        }
        finally { (generator as IDisposable)?.Dispose(); }
    }

    /// <summary>Runs the generator with a progress line on stderr, then lists problems and a one-line summary.</summary>
    internal static async Task<GenerationSummary> GenerateWithProgress(IImageGenerator generator, OutputLayout layout,
        IReadOnlyList<BenchmarkCase> cases, string suiteFolder, IReadOnlyList<int> seeds, CancellationToken cancellation)
    {
        GenerationSummary summary;
        try { summary = await new GenerationRunner(generator, layout).RunAsync(cases, suiteFolder, seeds, new ProgressLine(), cancellation); }
        finally { Console.Error.WriteLine(); } // end the progress line, also when cancelled

        foreach (var problem in summary.Problems.Take(20))
            Console.Error.WriteLine($"  {problem.Status.ToString().ToLowerInvariant()}: {problem.CaseId} seed {problem.Seed}: {problem.Error}");
        if (summary.Problems.Count > 20) Console.Error.WriteLine($"  ... {summary.Problems.Count - 20} more in {layout.LogPath}");
        Console.Error.WriteLine(summary.Describe());
        return summary;
    }
}
