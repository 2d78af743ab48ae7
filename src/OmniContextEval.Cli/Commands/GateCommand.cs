using System.CommandLine;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Reports.Charts;
using OmniContextEval.Reports.Comparison;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx gate --baseline A --candidate B</c>: fails (exit 10) on a significant drop beyond the margin.</summary>
public static class GateCommand
{
    public static Command Create(CliContext cli)
    {
        var baseline = new Option<string>("--baseline") { Description = "Baseline run folder or results.json.", Required = true };
        var candidate = new Option<string>("--candidate") { Description = "Candidate run folder or results.json.", Required = true };
        var margin = new Option<double>("--margin") { Description = "Points (0-100 scale) a measure may drop before it counts as a regression.", DefaultValueFactory = _ => 1.0 };
        var markdown = new Option<string?>("--markdown") { Description = "Also write the Markdown verdict to this file (e.g. $GITHUB_STEP_SUMMARY)." };
        var output = new Option<string>("--out") { Description = "Folder for gate.md and charts/gate-differences.png and .svg.", DefaultValueFactory = _ => Path.Combine("reports", "gate") };
        var json = new Option<bool>("--json") { Description = "Print the verdict as JSON instead of Markdown." };
        var force = CommonOptions.Force();
        var command = new Command("gate", "Paired comparison of a candidate against a baseline over the same cases and seeds; exit 10 when the total or a dimension regressed significantly.")
        {
            baseline, candidate, margin, markdown, output, json, force,
        };
        command.SetAction(parse =>
        {
            var limit = parse.GetValue(margin);
            if (limit < 0 || double.IsNaN(limit)) throw new HarnessException("--margin must be a non-negative number of points", ExitCodes.UsageError);
            var result = Gate.Compare(ResultsReader.Read(parse.GetValue(baseline)!), ResultsReader.Read(parse.GetValue(candidate)!),
                limit, ScoringSpecLoader.Default().Statistics, parse.GetValue(force));
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            var png = Path.Combine(folder, ChartRenderer.Render(ComparisonCharts.Gate(result)).WriteTo(folder));
            var text = GateReport.Markdown(result, Path.GetRelativePath(folder, png));
            AtomicFile.WriteAllText(Path.Combine(folder, "gate.md"), text);
            if (parse.GetValue(markdown) is { } file)
                File.AppendAllText(file, GateReport.Markdown(result, Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(file))!, png)));
            cli.Out.Write(parse.GetValue(json) ? JsonSerializer.Serialize(result, JsonOptions.Indented) + "\n" : text);
            cli.Error.WriteLine(result.Regressed ? "gate: regression found" : "gate: passed");
            return result.Regressed ? ExitCodes.RegressionFound : ExitCodes.Success;
        });
        return command;
    }
}
