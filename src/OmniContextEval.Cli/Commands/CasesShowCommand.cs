using System.CommandLine;
using OmniContextEval.Suites;
using OmniContextEval.Suites.Loading;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx cases show ID</c>: one case as JSON on stdout.</summary>
public static class CasesShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Case id, e.g. scene_object-007." };
        var suite = new Option<string>("--suite") { Description = "Suite folder.", DefaultValueFactory = _ => CasesCommand.DefaultSuite };
        var command = new Command("show", "Print one case (JSON, as in its file) from a suite.") { id, suite };
        command.SetAction(parse => Run(parse.GetValue(suite)!, parse.GetValue(id)!));
        return command;
    }

    private static int Run(string folder, string id)
    {
        var loaded = Suite.Load(folder, readImageHeaders: false);
        Console.Out.Write(CaseJson.Serialize(loaded.Get(id)));
        return Core.ExitCodes.Success;
    }
}
