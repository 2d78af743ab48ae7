using System.Diagnostics;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Codecs;
using OmniContextEval.Metrics.Clip;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Bench.Networks;

/// <summary>Items per second for one network: the harness path and bare ONNX Runtime, measured alternately in one process.</summary>
/// <param name="HarnessPath">What the harness figure includes (decode, preprocess, batching, copies; or tokenizing).</param>
/// <param name="PreparationMsPerItem">Single-thread milliseconds per item to decode and preprocess (or tokenize), lower is better.</param>
public sealed record NetworkBenchmarkResult(string Model, string Version, int Batch, int Threads, int Items,
    double HarnessItemsPerSecond, double BareItemsPerSecond, string HarnessPath, double PreparationMsPerItem)
{
    /// <summary>Harness throughput as a fraction of bare ONNX Runtime; 1 means no overhead, higher is better.</summary>
    public double Ratio => HarnessItemsPerSecond / BareItemsPerSecond;
}

/// <summary>
/// Measures a network the way the harness runs it against bare ONNX Runtime on the same graph and threads. Rounds
/// alternate (bare, harness, bare, ...) so that load from other processes hits both alike; the figures are medians.
/// </summary>
public static class NetworkBenchmark
{
    /// <param name="itemsPerRound">Images (or texts) per harness round; a multiple of the batch keeps batches full.</param>
    /// <param name="imageSize">Width and height of the benchmark's PNG images (LPIPS runs at this size; the others resize).</param>
    /// <param name="overlap">Whether decoding and preprocessing overlap inference (<see cref="EngineOptions.OverlapInference"/>).</param>
    public static async Task<NetworkBenchmarkResult> RunAsync(ModelSessionPool pool, string model, int batch, int threads,
        int rounds, int itemsPerRound, string workFolder, int imageSize = DefaultImageSize, bool overlap = false,
        IProgress<string>? log = null, CancellationToken cancel = default)
    {
        var session = pool.Get(model);
        var entry = session.Entry;
        Func<Task<double>> harness;
        Action prepareAll;
        string path;
        long[] shape;
        if (entry.Preprocess is not null)
        {
            var files = WriteImages(workFolder, itemsPerRound, imageSize);
            var engine = new EngineOptions(BatchSize: batch, OverlapInference: overlap);
            var extractor = ImageEmbedder.Create(pool, model, cache: null, engine);
            var (height, width) = extractor.Preprocessor.OutputSize(imageSize, imageSize);
            shape = [batch, 3, height, width];
            harness = async () =>
            {
                var watch = Stopwatch.StartNew();
                string? error = null; // results are checked and dropped, as a scoring run drops LPIPS taps
                var job = extractor.Job((_, r) => error ??= r.Error);
                await new ImagePass(engine).RunAsync(files.Select(ImageInput.FromFile).ToList(), [job], [], cancel: cancel);
                if (error is not null) throw new InvalidOperationException(error);
                return watch.Elapsed.TotalSeconds;
            };
            path = $"PNG files {imageSize}x{imageSize} -> decode -> '{entry.Preprocess}' preprocessing ({height}x{width}) -> batches of {batch}, " +
                   (overlap ? "overlapped with inference" : "in turns with inference");
            prepareAll = () =>
            {
                var tensor = new float[3 * height * width];
                foreach (var file in files)
                    extractor.Preprocessor.Write(ImageDecoder.Decode(file), tensor);
            };
        }
        else
        {
            var encoder = ClipTextEncoder.Open(pool, model, cache: null, batchSize: batch);
            var texts = Enumerable.Range(0, itemsPerRound).Select(i => $"photo {i}: the red teapot from image 1 on the wooden table of image 2, seen from the left").ToList();
            harness = () =>
            {
                var watch = Stopwatch.StartNew();
                encoder.Encode(texts);
                return Task.FromResult(watch.Elapsed.TotalSeconds);
            };
            var tokenizer = ClipTokenizer.Create(ClipTextEncoder.VocabularyPath(pool, entry));
            var length = encoder.SequenceLength(tokenizer.Tokenize(texts[0]));
            shape = [batch, length];
            path = $"texts -> CLIP BPE tokenizer -> {length} tokens -> batches of {batch}";
            prepareAll = () =>
            {
                foreach (var t in texts)
                    tokenizer.Tokenize(t);
            };
        }
        using var bare = new BareOrtRunner(pool.Registry.PathOf(entry), entry, shape, threads);
        bare.RunOnce();
        await harness();
        var prepareWatch = Stopwatch.StartNew();
        prepareAll();
        var preparationMs = prepareWatch.Elapsed.TotalMilliseconds / itemsPerRound;
        var bareRates = new List<double>();
        var harnessRates = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            cancel.ThrowIfCancellationRequested();
            var bareSeconds = 0.0;
            for (var i = 0; i < itemsPerRound / batch; i++)
                bareSeconds += bare.RunOnce();
            bareRates.Add(itemsPerRound / batch * batch / bareSeconds);
            harnessRates.Add(itemsPerRound / await harness());
            log?.Report($"{model} round {r + 1}/{rounds}: bare {bareRates[^1]:F2}/s, harness {harnessRates[^1]:F2}/s");
        }
        return new NetworkBenchmarkResult(model, entry.Version, batch, threads, itemsPerRound, Median(harnessRates), Median(bareRates), path, preparationMs);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Default width and height of the benchmark's PNG images (the shipped suite's output size).</summary>
    public const int DefaultImageSize = 512;

    private static List<string> WriteImages(string folder, int count, int size)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(folder, $"bench-{size}-{i:D3}.png");
            if (!File.Exists(path))
            {
                var image = new RgbImage(size, size);
                var random = new Random(i);
                for (var p = 0; p < image.Pixels.Length; p++)
                    image.Pixels[p] = (byte)((p / 3 % size + p / (3 * size) + random.Next(32)) & 0xFF);
                PngEncoder.Write(path, image);
            }
            files.Add(path);
        }
        return files;
    }
}
