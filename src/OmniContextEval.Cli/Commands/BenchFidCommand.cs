using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Bench.Fid;
using OmniContextEval.Numerics.LinearAlgebra;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx bench fid</c>: seconds for feature statistics, FID and KID from cached features.</summary>
public static class BenchFidCommand
{
    public static Command Create(CliContext cli)
    {
        var repetitions = new Option<int>("--repetitions") { DefaultValueFactory = _ => 3, Description = "Timed repetitions per step (medians are reported)." };
        var dimension = new Option<int>("--dimension") { DefaultValueFactory = _ => 2048, Description = "Feature dimension." };
        var threads = new Option<int?>("--threads") { Description = "Threads for the dense kernels (default: all processors)." };
        var json = new Option<bool>("--json") { Description = "Print JSON on stdout." };
        var command = new Command("fid", "Seconds for statistics of 1600 vectors, FID from two statistics (full rank and rank-deficient) and KID 1200 vs 400.")
        {
            repetitions, dimension, threads, json,
        };
        command.SetAction((parse, cancel) =>
        {
            var log = new Progress<string>(line => cli.Error.WriteLine(line));
            using var limit = parse.GetValue(threads) is { } n ? Parallelism.LimitTo(n) : null;
            var result = FidBenchmark.Run(parse.GetValue(repetitions), parse.GetValue(dimension), log, cancel);
            if (parse.GetValue(json))
                cli.Out.WriteLine(JsonSerializer.Serialize(result, JsonOptions.Indented));
            else
            {
                cli.Out.WriteLine($"d = {result.Dimension}, {result.Threads} threads ({result.Processors} processors), median of {result.Repetitions}; FID GFLOP/s: nominal 8d^3/3");
                cli.Out.WriteLine($"{"step",-44} {"seconds",9} {"GFLOP/s",8}  value");
                foreach (var s in result.Steps)
                    cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{s.Name,-44} {s.MedianSeconds,9:F3} {(s.GflopPerSecond is { } g ? g.ToString("F1", CultureInfo.InvariantCulture) : "-"),8}  {s.Value:G10}"));
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
