using System.CommandLine;
using OmniContextEval.Core;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Reports.Charts;
using OmniContextEval.Reports.Comparison;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx leaderboard RUN...</c>: ranks runs with confidence intervals and ties; HTML, Markdown and CSV.</summary>
public static class LeaderboardCommand
{
    public static Command Create(CliContext cli)
    {
        var runs = new Argument<string[]>("runs") { Description = "Run folders (or results.json files) to rank.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Folder for leaderboard.html, .md, .csv and charts/leaderboard.png and .svg.", DefaultValueFactory = _ => Path.Combine("reports", "leaderboard") };
        var force = CommonOptions.Force();
        var command = new Command("leaderboard", "Rank runs by total with 95% CIs; runs whose paired difference is not significant share a rank.")
        {
            runs, output, force,
        };
        command.SetAction(parse =>
        {
            var results = parse.GetValue(runs)!.Select(ResultsReader.Read).ToList();
            var entries = Leaderboard.Rank(results, ScoringSpecLoader.Default().Statistics, parse.GetValue(force));
            var folder = parse.GetValue(output)!;
            var chart = ChartRenderer.Render(ComparisonCharts.Leaderboard(entries));
            var markdown = LeaderboardExport.Markdown(entries, chart.WriteTo(folder));
            AtomicFile.WriteAllText(Path.Combine(folder, "leaderboard.md"), markdown);
            AtomicFile.WriteAllText(Path.Combine(folder, "leaderboard.csv"), LeaderboardExport.Csv(entries));
            AtomicFile.WriteAllText(Path.Combine(folder, "leaderboard.html"), LeaderboardExport.Html(entries, chart.Svg));
            cli.Out.Write(markdown);
            cli.Error.WriteLine($"leaderboard: {Path.Combine(folder, "leaderboard.html")}");
            return ExitCodes.Success;
        });
        return command;
    }
}
