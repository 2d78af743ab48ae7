using System.CommandLine;

namespace OmniContextEval.Cli.Commands.Metric;

/// <summary><c>omnictx metric ...</c>: one metric on images, as pytorch-fid, torch-fidelity and LPIPS users know them. One file per subcommand.</summary>
public static class MetricCommand
{
    public static Command Create()
    {
        var command = new Command("metric", "Compute one metric on images or folders (FID, KID, LPIPS, PSNR, SSIM).");
        foreach (var sub in Subcommands())
            command.Subcommands.Add(sub);
        return command;
    }

    private static IEnumerable<Command> Subcommands() =>
    [
        FidMetricCommand.Create(),
        KidMetricCommand.Create(),
        LpipsMetricCommand.Create(),
        PsnrMetricCommand.Create(),
        SsimMetricCommand.Create(),
    ];
}
