using System.Diagnostics;
using OmniContextEval.Core.Cases;
using OmniContextEval.Generation.Compositing;
using OmniContextEval.Generation.Native;
using OmniContextEval.Generation.Noise;
using OmniContextEval.Generation.Sampling;
using OmniContextEval.Generation.Velocity;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Codecs;

namespace OmniContextEval.Bench.Generation;

/// <summary>Throughput of the built-in generator, split into its stages. Times in seconds; rates in images per second (higher is better).</summary>
/// <param name="ImagesPerSecond">End to end: decode inputs, compose, Gram, noise, sampling, reconstruction, PNG encoding; all cores.</param>
/// <param name="VelocitySecondsPerImage">The sampler's velocity evaluations alone (basis coordinates), per image, one core.</param>
/// <param name="CpuSecondsPerImage">Process CPU time per image in the end-to-end run (robust when other processes share the cores).</param>
/// <param name="PixelVelocitySecondsPerImage">The same evaluations done on full-resolution pixels (MarginalFlowVelocity), per image, one core.</param>
public sealed record GeneratorBenchmarkResult(
    int Images, int Width, int Height, int Steps, int Threads, double WallSeconds, double ImagesPerSecond,
    int VelocityCallsPerImage, double VelocitySecondsPerImage, double PixelVelocitySecondsPerImage,
    double PrepareSecondsPerCase, double NoiseSecondsPerImage, double EncodeSecondsPerImage, double CpuSecondsPerImage);

/// <summary>Runs the built-in generator over some cases and seeds and times it (the <c>omnictx bench generator</c> command).</summary>
public static class GeneratorBenchmark
{
    public static GeneratorBenchmarkResult Run(IReadOnlyList<BenchmarkCase> cases, Func<string, RgbImage> loadInput,
        Func<BenchmarkCase, int, string> inputPath, int[] seeds, int width, int height, SamplerOptions options, int threads)
    {
        var generator = new NativeFlowGenerator(options);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            var inputs = c.InputImages.Select((_, i) => loadInput(inputPath(c, i))).ToList();
            var prepared = NativeFlowGenerator.Prepare(c, inputs, width, height);
            foreach (var seed in seeds) PngEncoder.Encode(generator.Generate(prepared, seed));
        });
        var wall = clock.Elapsed.TotalSeconds;
        var images = cases.Count * seeds.Length;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / images;

        // Stage costs on one core, from the first case.
        var first = cases[0];
        var firstInputs = first.InputImages.Select((_, i) => loadInput(inputPath(first, i))).ToList();
        var prepare = Time(() => NativeFlowGenerator.Prepare(first, firstInputs, width, height), out var preparedFirst);
        var noise = Time(() => GaussianNoise.Create(width * height * 3, 0, first.Id), out var noiseVector);
        var image = generator.Generate(preparedFirst, 0);
        var encode = Time(() => PngEncoder.Encode(image), out _);
        var (calls, basisSeconds) = TimeVelocity(new BasisField(preparedFirst, noiseVector), options, width, height);
        var (_, pixelSeconds) = TimeVelocity(new MarginalFlowVelocity(preparedFirst.Candidates.Targets, preparedFirst.Candidates.Branches, preparedFirst.HasImageCondition), options, width, height, noiseVector);
        return new GeneratorBenchmarkResult(images, width, height, options.Steps, threads, wall, images / wall,
            calls, basisSeconds, pixelSeconds, prepare, noise, encode, cpu);
    }

    private static double Time<T>(Func<T> action, out T result)
    {
        var clock = Stopwatch.StartNew();
        result = action();
        return clock.Elapsed.TotalSeconds;
    }

    // Runs the sampler with a model that counts and times its evaluations.
    private static (int Calls, double Seconds) TimeVelocity(IVelocityModel model, SamplerOptions options, int width, int height, float[]? start = null)
    {
        var timed = new TimedModel(model);
        var state = start is null ? ((BasisField)model).Field.InitialState() : (float[])start.Clone();
        new FlowSampler(options).Run(timed, state, NativeFlowGenerator.LatentTokens(width, height));
        return (timed.Calls, timed.Elapsed.TotalSeconds);
    }

    private sealed class BasisField(PreparedCase prepared, float[] noise) : IVelocityModel
    {
        public BasisMarginalVelocity Field { get; } = new(prepared.Gram,
            prepared.Candidates.Targets.Select(y => PortableDot.Dot(noise, y)).ToArray(), prepared.Candidates.Branches, prepared.HasImageCondition);
        public int StateLength => Field.StateLength;
        public bool HasImageCondition => Field.HasImageCondition;
        public void Evaluate(ReadOnlySpan<float> x, float t, ReadOnlySpan<GuidanceBranch> branches, Span<float> velocities) =>
            Field.Evaluate(x, t, branches, velocities);
    }

    private sealed class TimedModel(IVelocityModel inner) : IVelocityModel
    {
        private readonly Stopwatch _clock = new();
        public int Calls { get; private set; }
        public TimeSpan Elapsed => _clock.Elapsed;
        public int StateLength => inner.StateLength;
        public bool HasImageCondition => inner.HasImageCondition;
        public void Evaluate(ReadOnlySpan<float> x, float t, ReadOnlySpan<GuidanceBranch> branches, Span<float> velocities)
        {
            _clock.Start();
            inner.Evaluate(x, t, branches, velocities);
            _clock.Stop();
            Calls++;
        }
    }
}
