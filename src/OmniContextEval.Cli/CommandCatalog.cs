using System.CommandLine;
using OmniContextEval.Cli.Commands;

namespace OmniContextEval.Cli;

/// <summary>Every top-level command, in the order <c>omnictx --help</c> lists them.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        RunCommand.Create(),
        GenerateCommand.Create(),
        ScoreCommand.Create(),
        ReportCommand.Create(),
        LeaderboardCommand.Create(),
        GateCommand.Create(),
        CasesCommand.Create(),
        MetricCommand.Create(),
        EmbedCommand.Create(),
        PreprocessCommand.Create(),
        ModelsCommand.Create(),
        BenchCommand.Create(),
        DoctorCommand.Create(),
    ];
}
