using System.CommandLine;
using OmniContextEval.Metrics.Fid;
using OmniContextEval.Metrics.Kid;
using OmniContextEval.Metrics.Standalone;

namespace OmniContextEval.Cli.Commands.Metric;

/// <summary><c>omnictx metric kid DIR_A DIR_B</c>: KID mean and standard deviation over seeded subsets.</summary>
public static class KidMetricCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("DIR_A") { Description = "First image folder." };
        var b = new Argument<string>("DIR_B") { Description = "Second image folder." };
        var mode = new Option<string>("--mode") { Description = "Inception input: clean, legacy-pytorch or tf1.", DefaultValueFactory = _ => "clean" };
        var subsets = new Option<int>("--subsets") { Description = "Number of subsets.", DefaultValueFactory = _ => 100 };
        var subsetSize = new Option<int>("--subset-size") { Description = "Largest subset size (min with the set sizes).", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the subset sampler.", DefaultValueFactory = _ => 0 };
        var (models, json, threads, batch) = (MetricOptions.Models(), MetricOptions.Json(), MetricOptions.Threads(), MetricOptions.Batch());
        var command = new Command("kid", "Kernel Inception Distance between two image folders (lower is better).") { a, b, mode, subsets, subsetSize, seed, models, json, threads, batch };
        command.SetAction((parse, cancel) =>
        {
            if (parse.GetValue(subsets) < 1 || parse.GetValue(subsetSize) < 2)
                throw new Core.HarnessException("--subsets must be >= 1 and --subset-size >= 2", Core.ExitCodes.UsageError);
            var run = FolderMetrics.Kid(MetricOptions.ResolveModels(parse.GetValue(models)), parse.GetValue(a)!, parse.GetValue(b)!, FidModes.Parse(parse.GetValue(mode)!),
                new KidOptions(parse.GetValue(subsets), parse.GetValue(subsetSize), parse.GetValue(seed)),
                MetricOptions.Settings(parse.GetValue(batch), parse.GetValue(threads)), cancel);
            var r = run.Result;
            var result = new { metric = "kid", mean = r.Mean, std = r.StandardDeviation, subsets = r.Subsets, subsetSize = r.SubsetSize, seed = r.Seed,
                               mode = run.Mode, countA = run.CountA, countB = run.CountB, failures = run.Failures };
            var text = $"KID ({run.Mode}): {MetricOptions.Number(r.Mean)} ± {MetricOptions.Number(r.StandardDeviation)} ({r.Subsets} subsets of {r.SubsetSize})";
            return Task.FromResult(MetricOptions.Print(parse.GetValue(json), result, text, null, run.Failures));
        });
        return command;
    }
}
