using System.CommandLine;
using OmniContextEval.Metrics.Fid;
using OmniContextEval.Metrics.Standalone;
using OmniContextEval.Onnx.Models;

namespace OmniContextEval.Cli.Commands.Metric;

/// <summary>
/// <c>omnictx metric fid A B [--mode clean|legacy-pytorch|tf1] [--save-stats]</c>: A and B are image folders or .npz statistics
/// (<c>mu</c>, <c>sigma</c>: pytorch-fid's and clean-fid's files); two statistics files need no models folder.
/// </summary>
public static class FidMetricCommand
{
    public static Command Create(CliContext cli)
    {
        var a = new Argument<string>("A") { Description = "Image folder or .npz statistics (mu, sigma: pytorch-fid and clean-fid files)." };
        var b = new Argument<string>("B") { Description = "Image folder or .npz statistics; with --save-stats, the .npz to write." };
        var mode = new Option<string>("--mode") { Description = "Inception input: clean (clean-fid), legacy-pytorch (pytorch-fid), tf1 (torch-fidelity).", DefaultValueFactory = _ => "clean" };
        var saveStats = new Option<bool>("--save-stats") { Description = "Save the statistics of folder A to the .npz file B instead of computing FID." };
        var (models, json, threads, batch) = (MetricOptions.Models(), MetricOptions.Json(), MetricOptions.Threads(), MetricOptions.Batch());
        var command = new Command("fid", "Fréchet Inception Distance between two image sets (lower is better).") { a, b, mode, saveStats, models, json, threads, batch };
        command.SetAction((parse, cancel) => Task.FromResult(Run(cli, parse.GetValue(a)!, parse.GetValue(b)!, FidModes.Parse(parse.GetValue(mode)!), parse.GetValue(saveStats),
            () => ModelsFolder.ResolveExisting(parse.GetValue(models)), parse.GetValue(json), MetricOptions.Settings(parse.GetValue(batch), parse.GetValue(threads)), cancel)));
        return command;
    }

    private static int Run(CliContext cli, string a, string b, FidMode mode, bool saveStats, Func<string> models, bool json, NetworkSettings settings, CancellationToken cancel)
    {
        if (saveStats)
        {
            var saved = FolderMetrics.SaveStatistics(models(), a, b, mode, settings, cancel);
            return MetricOptions.Print(cli, json, saved, $"saved {saved.Count} x {saved.Dimension}-d statistics ({saved.Mode}) to {saved.Path}", null, saved.Failures);
        }
        var run = FolderMetrics.Fid(models, a, b, mode, settings, cancel);
        var s = run.Score;
        var result = new { metric = "fid", value = s.Value, mode = s.Mode, countA = s.CountA, countB = s.CountB, dimension = s.Dimension,
                           epsilonRetried = s.EpsilonRetried, warning = s.Warning, modelVersion = run.ModelVersion, failures = run.Failures };
        return MetricOptions.Print(cli, json, result, $"FID ({s.Mode}): {MetricOptions.Number(s.Value)}", s.Warning, run.Failures);
    }
}
