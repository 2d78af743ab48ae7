using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Bench.Networks;
using OmniContextEval.Metrics.Measuring;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx bench models</c>: per network, items/s through the harness and through bare ONNX Runtime, side by side.</summary>
public static class BenchModelsCommand
{
    public static Command Create(CliContext cli)
    {
        var models = new Option<string?>("--models") { Description = "Models folder (full-size networks: tools/make-test-models.py --full)." };
        var batch = new Option<int>("--batch-size") { DefaultValueFactory = _ => 16, Description = "Items per network call." };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => 2, Description = "Intra-op threads." };
        var rounds = new Option<int>("--rounds") { DefaultValueFactory = _ => 3, Description = "Alternating bare/harness rounds (medians are reported)." };
        var items = new Option<int>("--items") { DefaultValueFactory = _ => 32, Description = "Items per round." };
        var only = new Option<string[]>("--only") { Description = "These models (default: the networks a scoring run uses).", AllowMultipleArgumentsPerToken = true };
        var size = new Option<int>("--image-size") { DefaultValueFactory = _ => NetworkBenchmark.DefaultImageSize, Description = "Width and height of the test images (LPIPS runs at this size)." };
        var overlap = new Option<bool>("--overlap") { Description = "Decode and preprocess while the network runs (default: in turns, each with every core)." };
        var json = new Option<bool>("--json") { Description = "Print JSON on stdout." };
        var command = new Command("models", "Images/s (texts/s) per network: harness path vs bare ONNX Runtime on the same graph and threads.")
        {
            models, batch, threads, rounds, items, only, size, overlap, json,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var registry = ModelRegistry.OpenResolved(parse.GetValue(models));
            var n = parse.GetValue(threads);
            using var pool = new ModelSessionPool(registry, new SessionSettings(IntraOpThreads: n));
            var wanted = parse.GetValue(only) is { Length: > 0 } o ? o : ScoringModelNames.All.Where(registry.Contains).ToArray();
            var work = Path.Combine(Path.GetTempPath(), "omnictx-bench");
            var log = new Progress<string>(line => cli.Error.WriteLine(line));
            var results = new List<NetworkBenchmarkResult>();
            foreach (var name in wanted)
                results.Add(await NetworkBenchmark.RunAsync(pool, name, parse.GetValue(batch), n, parse.GetValue(rounds), parse.GetValue(items), work,
                    parse.GetValue(size), parse.GetValue(overlap), log, cancel));
            if (parse.GetValue(json))
                cli.Out.WriteLine(JsonSerializer.Serialize(results.Select(r => new { r.Model, r.Version, r.Batch, r.Threads, r.Items, r.HarnessItemsPerSecond, r.BareItemsPerSecond, r.Ratio, r.PreparationMsPerItem, r.HarnessPath }), JsonOptions.Indented));
            else
            {
                cli.Out.WriteLine($"{"model",-22} {"harness/s",10} {"bare ORT/s",10} {"ratio",6} {"prep ms",8}  (batch {parse.GetValue(batch)}, {n} threads)");
                foreach (var r in results)
                    cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Model,-22} {r.HarnessItemsPerSecond,10:F2} {r.BareItemsPerSecond,10:F2} {r.Ratio,6:F3} {r.PreparationMsPerItem,8:F2}  {r.HarnessPath}"));
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
