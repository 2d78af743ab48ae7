using System.CommandLine;
using OmniContextEval.Imaging;
using OmniContextEval.Metrics.Pixel;

namespace OmniContextEval.Cli.Commands.Metric;

/// <summary><c>omnictx metric ssim IMG_A IMG_B</c>: SSIM in scikit-image's Gaussian convention.</summary>
public static class SsimMetricCommand
{
    public static Command Create(CliContext cli)
    {
        var a = new Argument<string>("IMG_A") { Description = "First image." };
        var b = new Argument<string>("IMG_B") { Description = "Second image, same size." };
        var json = MetricOptions.Json();
        var command = new Command("ssim", "Structural similarity, Gaussian 11x11 sigma 1.5 (scikit-image convention; higher is better, 1 = identical).") { a, b, json };
        command.SetAction(parse =>
        {
            double value = Ssim.Compute(ImageDecoder.Decode(parse.GetValue(a)!), ImageDecoder.Decode(parse.GetValue(b)!));
            var result = new { metric = "ssim", value, convention = "scikit-image gaussian_weights=True sigma=1.5 K1=0.01 K2=0.03, mean over the valid region, per channel" };
            return MetricOptions.Print(cli, parse.GetValue(json), result, $"SSIM: {MetricOptions.Number(value)}");
        });
        return command;
    }
}
