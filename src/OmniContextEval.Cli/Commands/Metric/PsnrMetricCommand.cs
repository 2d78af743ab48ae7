using System.CommandLine;
using OmniContextEval.Imaging;
using OmniContextEval.Metrics.Pixel;

namespace OmniContextEval.Cli.Commands.Metric;

/// <summary><c>omnictx metric psnr IMG_A IMG_B</c>: PSNR in dB, capped at 100 dB for identical images.</summary>
public static class PsnrMetricCommand
{
    public static Command Create(CliContext cli)
    {
        var a = new Argument<string>("IMG_A") { Description = "First image." };
        var b = new Argument<string>("IMG_B") { Description = "Second image, same size." };
        var json = MetricOptions.Json();
        var command = new Command("psnr", "Peak signal-to-noise ratio in dB, data range 255 (higher is better).") { a, b, json };
        command.SetAction(parse =>
        {
            var r = Psnr.Compute(ImageDecoder.Decode(parse.GetValue(a)!), ImageDecoder.Decode(parse.GetValue(b)!));
            var result = new { metric = "psnr", value = r.Decibels, capped = r.Capped, mse = r.MeanSquaredError, dataRange = Psnr.DataRange };
            var text = $"PSNR: {MetricOptions.Number(r.Decibels)} dB" + (r.Capped ? $" (capped: identical or nearly identical images; true PSNR >= {Psnr.CapDecibels} dB)" : "");
            return MetricOptions.Print(cli, parse.GetValue(json), result, text);
        });
        return command;
    }
}
