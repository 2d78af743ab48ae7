using System.CommandLine;
using OmniContextEval.Core;
using OmniContextEval.Suites.Loading;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx cases show ID</c>: one case as JSON on stdout.</summary>
public static class CasesShowCommand
{
    public static Command Create(CliContext cli)
    {
        var id = new Argument<string>("id") { Description = "Case id, e.g. scene_object-007." };
        var suite = new Option<string>("--suite") { Description = "Suite folder.", DefaultValueFactory = _ => CasesCommand.DefaultSuite };
        var command = new Command("show", "Print one case (JSON, as in its file) from a suite.") { id, suite };
        command.SetAction(parse => Run(cli, parse.GetValue(suite)!, parse.GetValue(id)!));
        return command;
    }

    private static int Run(CliContext cli, string folder, string id)
    {
        var loaded = SuiteLoader.Load(folder, readImageHeaders: false);
        if (loaded.Suite.Find(id) is not { } found)
        {
            var problems = loaded.Issues.Where(i => i.CaseId == id).Select(i => "\n  " + i).ToArray();
            throw new HarnessException(problems.Length > 0
                ? $"case '{id}' in {loaded.Suite.Folder} cannot be read:{string.Concat(problems)}"
                : $"suite {loaded.Suite.Folder}: no case with id '{id}'");
        }
        cli.Out.Write(CaseJson.Serialize(found));
        return ExitCodes.Success;
    }
}
