using System.CommandLine;
using OmniContextEval.Metrics.Fid;
using OmniContextEval.Metrics.Kid;
using OmniContextEval.Metrics.Standalone;
using OmniContextEval.Onnx.Models;

namespace OmniContextEval.Cli.Commands.Metric;

/// <summary>
/// <c>omnictx metric kid A B</c>: KID mean and standard deviation over seeded subsets, torch-fidelity's by default (100
/// subsets of 1000, rng_seed 2020). A and B are image folders or float32 .npy features [images, dimension].
/// </summary>
public static class KidMetricCommand
{
    public static Command Create(CliContext cli)
    {
        var a = new Argument<string>("A") { Description = "First image folder, or .npy features (float32 [images, dimension])." };
        var b = new Argument<string>("B") { Description = "Second image folder, or .npy features." };
        var mode = new Option<string>("--mode") { Description = "Inception input: clean, legacy-pytorch or tf1.", DefaultValueFactory = _ => "clean" };
        var subsets = new Option<int>("--subsets") { Description = "Number of subsets.", DefaultValueFactory = _ => 100 };
        var subsetSize = new Option<int>("--subset-size") { Description = "Largest subset size (min with the set sizes).", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the subset sampler (NumPy RandomState, as torch-fidelity's rng_seed).", DefaultValueFactory = _ => KidOptions.TorchFidelitySeed };
        var (models, json, threads, batch) = (MetricOptions.Models(), MetricOptions.Json(), MetricOptions.Threads(), MetricOptions.Batch());
        var command = new Command("kid", "Kernel Inception Distance between two image folders or feature files (lower is better).") { a, b, mode, subsets, subsetSize, seed, models, json, threads, batch };
        command.SetAction((parse, cancel) =>
        {
            if (parse.GetValue(subsets) < 1 || parse.GetValue(subsetSize) < 2 || parse.GetValue(seed) < 0)
                throw new Core.HarnessException("--subsets must be >= 1, --subset-size >= 2 and --seed >= 0", Core.ExitCodes.UsageError);
            var run = FolderMetrics.Kid(() => ModelsFolder.ResolveExisting(parse.GetValue(models)), parse.GetValue(a)!, parse.GetValue(b)!, FidModes.Parse(parse.GetValue(mode)!),
                new KidOptions(parse.GetValue(subsets), parse.GetValue(subsetSize), parse.GetValue(seed)),
                MetricOptions.Settings(parse.GetValue(batch), parse.GetValue(threads)), cancel);
            var r = run.Result;
            var result = new { metric = "kid", mean = r.Mean, std = r.StandardDeviation, subsets = r.Subsets, subsetSize = r.SubsetSize, seed = r.Seed,
                               mode = run.Mode, countA = run.CountA, countB = run.CountB, failures = run.Failures };
            var text = $"KID ({run.Mode}): {MetricOptions.Number(r.Mean)} ± {MetricOptions.Number(r.StandardDeviation)} ({r.Subsets} subsets of {r.SubsetSize})";
            return Task.FromResult(MetricOptions.Print(cli, parse.GetValue(json), result, text, null, run.Failures));
        });
        return command;
    }
}
