using System.CommandLine;
using OmniContextEval.Cli.Commands.Metric;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx metric ...</c>: standalone metrics as users know them from pytorch-fid and torch-fidelity. One line per metric.</summary>
public static class MetricCommand
{
    public static Command Create()
    {
        var command = new Command("metric", "Compute one metric on images given on the command line.");
        command.Subcommands.Add(ClipScoreCommand.Create());
        command.Subcommands.Add(FidMetricCommand.Create());
        command.Subcommands.Add(KidMetricCommand.Create());
        command.Subcommands.Add(LpipsMetricCommand.Create());
        command.Subcommands.Add(PsnrMetricCommand.Create());
        command.Subcommands.Add(SsimMetricCommand.Create());
        return command;
    }
}
