using System.CommandLine;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Imaging.Npy;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx embed --model NAME IMAGES... --out FILE.npy</c>: one embedding row per image (the model's first output).</summary>
public static class EmbedCommand
{
    public static Command Create(CliContext cli)
    {
        var options = new NetworkOptions();
        var model = new Option<string>("--model") { Description = "Image model name from the manifest (e.g. clip-vit-b32-image, dinov2-vits14).", Required = true };
        var output = new Option<string>("--out") { Description = "The .npy file to write (float32, N x D).", Required = true };
        var images = new Argument<string[]>("images") { Description = "Image files.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("embed", "Embed images with an image network and write them as a .npy matrix.") { model, output, images };
        options.AddTo(command);
        command.SetAction(async (parse, cancel) =>
        {
            using var pool = options.OpenPool(parse);
            using var cache = options.OpenCache(parse, cli);
            var extractor = ImageEmbedder.Create(pool, parse.GetValue(model)!, cache, options.Engine(parse));
            var files = parse.GetValue(images)!;
            var (matrix, dimension) = await ImageEmbedder.EmbedFilesAsync(extractor, files, cancel: cancel);
            var path = parse.GetValue(output)!;
            NpyWriter.WriteFloat32(path, matrix, [files.Length, dimension]);
            var entry = extractor.Session.Entry;
            if (parse.GetValue(options.Json))
                cli.Out.WriteLine(JsonSerializer.Serialize(new { model = entry.Name, entry.Version, sha256 = extractor.Session.Sha256, count = files.Length, dimension, output = Path.GetFullPath(path) }, JsonOptions.Indented));
            else
                cli.Out.WriteLine($"{files.Length} x {dimension} embeddings ({entry.Name} {entry.Version}) written to {path}");
            return ExitCodes.Success;
        });
        return command;
    }
}
