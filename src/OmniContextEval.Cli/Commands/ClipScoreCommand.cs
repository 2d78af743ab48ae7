using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Metrics.Clip;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx metric clip-score IMG TEXT</c>: CLIP cosine and CLIPScore in both published conventions.</summary>
public static class ClipScoreCommand
{
    public static Command Create(CliContext cli)
    {
        var options = new NetworkOptions();
        var image = new Argument<string>("image") { Description = "The image file." };
        var text = new Argument<string>("text") { Description = "The text (quote it)." };
        var command = new Command("clip-score", "CLIPScore of an image and a text: Hessel (2.5*max(cos,0)) and torchmetrics (100*cos, clamped at 0).") { image, text };
        options.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var pool = options.OpenPool(parse);
            using var cache = options.OpenCache(parse, cli);
            var score = await ClipImageTextScore.ComputeAsync(pool, parse.GetValue(image)!, parse.GetValue(text)!, cache, cancel);
            if (parse.GetValue(options.Json))
                cli.Out.WriteLine(JsonSerializer.Serialize(score, JsonOptions.Indented));
            else
                cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"clipscore-hessel {score.Hessel:F6}  clipscore-torchmetrics {score.TorchMetrics:F4}  cosine {score.Cosine:F6}"));
            return ExitCodes.Success;
        });
        return command;
    }
}
