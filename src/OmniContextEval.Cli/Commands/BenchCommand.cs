using System.CommandLine;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx bench ...</c>: throughput measurements (never part of the tests).</summary>
public static class BenchCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("bench", "Measure throughput of harness components.");
        command.Subcommands.Add(BenchGeneratorCommand.Create(cli));
        command.Subcommands.Add(BenchModelsCommand.Create(cli));
        command.Subcommands.Add(BenchFidCommand.Create(cli));
        return command;
    }
}
