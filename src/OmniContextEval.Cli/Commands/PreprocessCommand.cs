using System.CommandLine;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Imaging.Preprocessing;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx preprocess IMAGE --mode MODE --out FILE.npy</c>: writes the exact network-input tensor of one image.</summary>
public static class PreprocessCommand
{
    public static Command Create(CliContext cli)
    {
        var image = new Argument<string>("image") { Description = "Image file (PNG, JPEG or WebP)." };
        var mode = new Option<string>("--mode")
        {
            Description = $"Preprocessing mode: {string.Join(", ", PreprocessingModes.Names)}.",
            Required = true,
        };
        var output = new Option<string>("--out")
        {
            Description = "Where to write the float32 NCHW tensor, as a NumPy .npy file (shape [1, 3, H, W]).",
            Required = true,
        };
        var command = new Command("preprocess", "Write the exact network input of one image (NumPy .npy, float32) for a preprocessing mode, to diff against a Python pipeline.")
        {
            image, mode, output,
        };
        command.SetAction(parse => Run(cli, parse.GetValue(image)!, parse.GetValue(mode)!, parse.GetValue(output)!));
        return command;
    }

    private static int Run(CliContext cli, string image, string mode, string output)
    {
        if (!Preprocessor.TryGet(mode, out _))
            throw new HarnessException($"--mode: unknown preprocessing mode '{mode}'; known modes: {string.Join(", ", PreprocessingModes.Names)}", ExitCodes.UsageError);
        var result = TensorExport.Write(image, mode, output);
        cli.Error.WriteLine($"{result.Mode}: {result.Image} -> {result.Output} [{string.Join(", ", result.Shape)}] float32");
        cli.Out.WriteLine(JsonSerializer.Serialize(result, JsonOptions.Indented));
        return ExitCodes.Success;
    }
}
