using System.CommandLine;
using OmniContextEval.Core;
using OmniContextEval.Reports;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx report RESULTS_DIR</c>: HTML, Markdown, SVG and CSV report of scored results.</summary>
public static class ReportCommand
{
    public static Command Create(CliContext cli)
    {
        var results = new Argument<string>("results-dir") { Description = "Run folder holding results.json and scores.jsonl." };
        var output = new Option<string?>("--out") { Description = "Report folder (default: reports/<run>)." };
        var command = new Command("report", "Write reports/<run>/: index.html, a page per case, summary.md, charts/*.svg, cases.csv.")
        {
            results, output,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(results)!;
            var run = ResultsReader.Read(folder);
            var index = ReportBuilder.Write(folder, parse.GetValue(output)
                ?? Path.Combine("reports", PlainName.RequireInData(run.RunId, Path.Combine(folder, ResultsFiles.Results), "run_id")));
            if (run.Partial) cli.Error.WriteLine($"warning: partial result; models absent: {string.Join(", ", run.AbsentModels.DefaultIfEmpty("none named"))}");
            cli.Error.WriteLine($"report: {index}");
            return ExitCodes.Success;
        });
        return command;
    }
}
