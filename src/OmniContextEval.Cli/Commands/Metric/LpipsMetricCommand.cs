using System.CommandLine;
using OmniContextEval.Imaging;
using OmniContextEval.Metrics.Lpips;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Cli.Commands.Metric;

/// <summary><c>omnictx metric lpips IMG_A IMG_B [--net alex|vgg]</c>.</summary>
public static class LpipsMetricCommand
{
    public static Command Create(CliContext cli)
    {
        var a = new Argument<string>("IMG_A") { Description = "First image." };
        var b = new Argument<string>("IMG_B") { Description = "Second image, same size." };
        var net = new Option<string>("--net") { Description = "Backbone: alex or vgg.", DefaultValueFactory = _ => "alex" };
        var (models, json, threads) = (MetricOptions.Models(), MetricOptions.Json(), MetricOptions.Threads());
        var command = new Command("lpips", "LPIPS v0.1 perceptual distance between two images (lower is more similar).") { a, b, net, models, json, threads };
        command.SetAction((parse, cancel) =>
        {
            var (pathA, pathB, netName) = (parse.GetValue(a)!, parse.GetValue(b)!, parse.GetValue(net)!);
            using var pool = new ModelSessionPool(ModelRegistry.Open(ModelsFolder.ResolveExisting(parse.GetValue(models))),
                new SessionSettings(IntraOpThreads: parse.GetValue(threads)));
            var scorer = LpipsScorer.Create(pool, netName);
            double distance = scorer.Distance(ImageDecoder.Decode(pathA), ImageDecoder.Decode(pathB));
            var result = new { metric = "lpips", value = distance, net = netName, version = "0.1", a = pathA, b = pathB };
            return Task.FromResult(MetricOptions.Print(cli, parse.GetValue(json), result, $"LPIPS ({netName}): {MetricOptions.Number(distance)}"));
        });
        return command;
    }
}
