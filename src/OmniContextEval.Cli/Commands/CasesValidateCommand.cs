using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Suites.Loading;
using OmniContextEval.Suites.Validation;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx cases validate [DIR]</c>: every problem of a suite, counts per subtask and tier; exit 3 on any error.</summary>
public static class CasesValidateCommand
{
    public static Command Create(CliContext cli)
    {
        var dir = new Argument<string>("dir") { Description = "Suite folder.", DefaultValueFactory = _ => CasesCommand.DefaultSuite };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON on stdout." };
        var command = new Command("validate", "Check a suite: case format, duplicate ids, images present and readable, paths inside the suite, subjects; counts per subtask and tier.")
        {
            dir, json,
        };
        command.SetAction(parse => Run(cli, parse.GetValue(dir)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(CliContext cli, string dir, bool asJson)
    {
        var clock = Stopwatch.StartNew();
        var result = SuiteLoader.Load(dir);
        var seconds = clock.Elapsed.TotalSeconds;
        var counts = SuiteCounts.Of(result.Suite.Cases);
        if (asJson)
        {
            var report = new
            {
                suite = result.Suite.Manifest, folder = result.Suite.Folder, caseFiles = result.CaseFiles, cases = counts.Total,
                images = result.Suite.Images.Count, counts = counts.BySubtaskAndTier,
                errors = result.Issues.Select(i => new { file = i.File, caseId = i.CaseId, field = i.Field, message = i.Message }),
            };
            cli.Out.WriteLine(JsonSerializer.Serialize(report, JsonOptions.Indented));
        }
        else
        {
            var err = cli.Error;
            err.WriteLine($"suite      {result.Suite.Manifest.Name} {result.Suite.Manifest.Version} ({result.Suite.Folder})");
            err.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cases      {counts.Total} valid of {result.CaseFiles} files, {result.Suite.Images.Count} image headers read in {seconds:F2} s"));
            err.Write(counts.ToText());
            foreach (var issue in result.Issues) err.WriteLine($"error: {issue}");
            err.WriteLine($"errors     {result.Issues.Count}");
        }
        return result.Issues.Count == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }
}
