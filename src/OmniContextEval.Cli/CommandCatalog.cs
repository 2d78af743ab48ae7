using System.CommandLine;
using OmniContextEval.Cli.Commands;

namespace OmniContextEval.Cli;

/// <summary>Every top-level command, in the order <c>omnictx --help</c> lists them.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> All(CliContext cli) =>
    [
        RunCommand.Create(cli),
        GenerateCommand.Create(cli),
        ScoreCommand.Create(cli),
        ReportCommand.Create(cli),
        LeaderboardCommand.Create(cli),
        GateCommand.Create(cli),
        CasesCommand.Create(cli),
        MetricCommand.Create(cli),
        EmbedCommand.Create(cli),
        PreprocessCommand.Create(cli),
        ModelsCommand.Create(cli),
        BenchCommand.Create(cli),
        DoctorCommand.Create(cli),
    ];
}
