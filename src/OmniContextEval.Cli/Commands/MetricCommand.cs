using System.CommandLine;
using OmniContextEval.Cli.Commands.Metric;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx metric ...</c>: standalone metrics as users know them from pytorch-fid and torch-fidelity. One line per metric.</summary>
public static class MetricCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("metric", "Compute one metric on images given on the command line.");
        command.Subcommands.Add(ClipScoreCommand.Create(cli));
        command.Subcommands.Add(FidMetricCommand.Create(cli));
        command.Subcommands.Add(KidMetricCommand.Create(cli));
        command.Subcommands.Add(LpipsMetricCommand.Create(cli));
        command.Subcommands.Add(PsnrMetricCommand.Create(cli));
        command.Subcommands.Add(SsimMetricCommand.Create(cli));
        return command;
    }
}
