using System.CommandLine;
using OmniContextEval.Core;
using OmniContextEval.Core.Cases;
using OmniContextEval.Generation.Adapters;
using OmniContextEval.Generation.Running;
using OmniContextEval.Runs.Stages;
using OmniContextEval.Suites;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx generate</c>: every case of a suite x every seed, with one generator, resumable.</summary>
public static class GenerateCommand
{
    public static Command Create(CliContext cli)
    {
        var suite = new Option<string>("--suite") { Description = "Suite folder.", DefaultValueFactory = _ => CasesCommand.DefaultSuite };
        var seeds = new Option<string>("--seeds") { Description = "Comma-separated seeds.", DefaultValueFactory = _ => "0,1,2" };
        var output = new Option<string>("--out") { Description = "Output folder; images go to {out}/{method}/seed-{S}/fullset/{task_type}/{key}.png.", DefaultValueFactory = _ => "runs" };
        var generatorOptions = new GeneratorOptions();
        var command = new Command("generate", "Generate every case of a suite for each seed; reruns skip outputs that are up to date.") { suite, seeds, output };
        generatorOptions.AddTo(command);
        command.SetAction((parse, cancellation) => RunAsync(cli, generatorOptions.Read(parse), parse.GetValue(suite)!,
            RunCommand.ParseSeeds(parse.GetValue(seeds)!), parse.GetValue(output)!, generatorOptions.Method(parse), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, GeneratorSettings settings, string suiteFolder, IReadOnlyList<int> seeds, string output, string method, CancellationToken cancellation)
    {
        var suite = Suite.Load(suiteFolder, readImageHeaders: false);
        var snapshot = new SuiteSnapshot(suite.Manifest.Name, suite.Folder, "", suite.Cases);
        var generator = GeneratorFactory.Create(settings);
        try
        {
            var summary = await GenerateStage.Generate(generator, new OutputLayout(output, method), snapshot, seeds, cli.Error, cancellation);
            return summary.Problems.Count == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
        }
        finally { (generator as IDisposable)?.Dispose(); }
    }
}
