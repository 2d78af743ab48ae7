using System.CommandLine;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Bench.Generation;
using OmniContextEval.Generation.Native;
using OmniContextEval.Generation.Sampling;
using OmniContextEval.Imaging;
using OmniContextEval.Suites;

namespace OmniContextEval.Cli.Commands;

/// <summary><c>omnictx bench generator</c>: images per second of the built-in generator against the cost of its velocity evaluations.</summary>
public static class BenchGeneratorCommand
{
    public static Command Create(CliContext cli)
    {
        var suite = new Option<string>("--suite") { Description = "Suite whose first cases are generated.", DefaultValueFactory = _ => CasesCommand.DefaultSuite };
        var cases = new Option<int>("--cases") { Description = "Cases to generate (3 seeds each).", DefaultValueFactory = _ => 20 };
        var size = new Option<int>("--size") { Description = "Output width and height in pixels.", DefaultValueFactory = _ => 512 };
        var steps = new Option<int>("--steps") { Description = "Euler steps.", DefaultValueFactory = _ => 50 };
        var threads = new Option<int>("--threads") { Description = "Cases generated at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var generator = new Command("generator", "Time the built-in generator end to end and its velocity evaluations alone; JSON on stdout.")
        {
            suite, cases, size, steps, threads,
        };
        generator.SetAction(parse =>
        {
            var loaded = Suite.Load(parse.GetValue(suite)!, readImageHeaders: false);
            var chosen = loaded.Cases.Take(Math.Max(1, parse.GetValue(cases))).ToList();
            var options = new SamplerOptions { Steps = parse.GetValue(steps), Guidance = NativeFlowGenerator.DefaultGuidance };
            var n = parse.GetValue(size);
            var result = GeneratorBenchmark.Run(chosen, path => ImageDecoder.Decode(path), (c, i) => loaded.ResolvePath(c.InputImages[i]),
                [0, 1, 2], n, n, options, parse.GetValue(threads));
            cli.Error.WriteLine($"{result.Images} images {n}x{n}, {result.Steps} Euler steps, {result.Threads} threads: {result.ImagesPerSecond:F2} images/s ({result.CpuSecondsPerImage:F3} CPU-s/image)");
            cli.Error.WriteLine($"velocity evaluations alone: {result.VelocitySecondsPerImage * 1000:F3} ms/image in basis coordinates " +
                $"({result.VelocityCallsPerImage} calls), {result.PixelVelocitySecondsPerImage * 1000:F0} ms/image on full-resolution pixels");
            cli.Out.WriteLine(JsonSerializer.Serialize(result, JsonOptions.Indented));
            return ExitCodes.Success;
        });
        return generator;
    }
}
