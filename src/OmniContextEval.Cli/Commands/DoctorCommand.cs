using System.CommandLine;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Imaging.Codecs;
using OmniContextEval.Onnx;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx doctor</c>: what this machine offers the harness.</summary>
public static class DoctorCommand
{
    public static Command Create(CliContext cli)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("doctor", "Show the harness version, ONNX Runtime and its execution providers, native image libraries and models found.")
        {
            json,
        };
        command.SetAction(parse => Run(cli, parse.GetValue(json)));
        return command;
    }

    private static int Run(CliContext cli, bool asJson)
    {
        var report = DoctorReport.Collect();
        cli.Out.Write(asJson ? JsonSerializer.Serialize(report, JsonOptions.Indented) + "\n" : report.ToText());
        return report.Healthy ? ExitCodes.Success : ExitCodes.RuntimeUnavailable;
    }
}
