using System.CommandLine;
using OmniContextEval.Core;
using OmniContextEval.Suites.Import;
using OmniContextEval.Suites.Loading;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx cases import ROWS --out DIR</c>: the published OmniContext data (parquet, or JSON rows + images) into a suite folder.</summary>
public static class CasesImportCommand
{
    public static Command Create(CliContext cli)
    {
        var rows = new Argument<string>("rows") { Description = "The published parquet file (images embedded), or JSON array / JSON lines with key, task_type, instruction, instruction_language, input_images (file paths)." };
        var output = new Option<string>("--out") { Description = "Suite folder to write.", Required = true };
        var images = new Option<string?>("--images-root") { Description = "Folder the input_images paths are relative to (default: the rows file's folder)." };
        var name = new Option<string?>("--name") { Description = "Suite name for suite.json (default: the output folder's name)." };
        var command = new Command("import", "Import the published OmniContext data (parquet, or JSON + image files) into the case format, then validate it.")
        {
            rows, output, images, name,
        };
        command.SetAction(parse => Run(cli, parse.GetValue(rows)!, parse.GetValue(output)!, parse.GetValue(images), parse.GetValue(name)));
        return command;
    }

    private static int Run(CliContext cli, string rows, string output, string? imagesRoot, string? name)
    {
        var report = OmniContextImporter.Import(rows, output, imagesRoot, name);
        cli.Error.WriteLine($"imported {report.Cases} cases into {report.SuiteFolder}");
        foreach (var skipped in report.Skipped) cli.Error.WriteLine($"skipped {skipped}");
        var check = SuiteLoader.Load(output);
        foreach (var issue in check.Issues) cli.Error.WriteLine($"error: {issue}");
        return check.Issues.Count == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }
}
