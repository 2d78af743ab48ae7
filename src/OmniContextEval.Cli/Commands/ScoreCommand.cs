using System.CommandLine;
using OmniContextEval.Core;
using OmniContextEval.Reports.Results;
using OmniContextEval.Runs.Scoring;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx score RUN_DIR --suite PATH</c>: raw metric records + generation records + suite -> scored results.</summary>
public static class ScoreCommand
{
    public static Command Create(CliContext cli)
    {
        var run = new Argument<string>("run-dir") { Description = "Run folder holding metrics.raw.jsonl (and run.json, which names the generation records)." };
        var suite = new Option<string>("--suite") { Description = "Suite folder the run was generated from.", DefaultValueFactory = _ => "benchmark-cases" };
        var spec = CommonOptions.Spec();
        var command = new Command("score", "Score a run's raw metric records under the scoring specification; writes results.json, scores.jsonl and CSV into the run folder.")
        {
            run, suite, spec,
        };
        command.SetAction(parse =>
        {
            var (scoring, bytes) = CommonOptions.LoadSpec(parse.GetValue(spec));
            var snapshot = cli.Suites.Load(parse.GetValue(suite)!);
            var folder = parse.GetValue(run)!;
            var (results, scores) = new RunScorer(scoring).Score(snapshot, RunRecords.Read(folder, snapshot));
            ResultsWriter.Write(folder, results, scores, bytes);
            var total = results.Summary.Overall.Total;
            cli.Error.WriteLine(FormattableString.Invariant($"{results.RunId}: total {total.Mean:0.0} (95% CI {total.Lower:0.0}-{total.Upper:0.0}, n = {total.N}){(results.Partial ? " PARTIAL" : "")}"));
            return results.Summary.Overall.Failed + results.Summary.Overall.Missing > 0 ? ExitCodes.PartialFailure : ExitCodes.Success;
        });
        return command;
    }
}
