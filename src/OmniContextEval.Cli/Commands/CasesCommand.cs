using System.CommandLine;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx cases</c>: validate, show and import benchmark cases.</summary>
public static class CasesCommand
{
    public const string DefaultSuite = "benchmark-cases/omnicontext-synth";

    public static Command Create(CliContext cli) => new("cases", "Work with benchmark case suites: validate a suite, show a case, import the published OmniContext data.")
    {
        CasesValidateCommand.Create(cli),
        CasesShowCommand.Create(cli),
        CasesImportCommand.Create(cli),
    };
}
