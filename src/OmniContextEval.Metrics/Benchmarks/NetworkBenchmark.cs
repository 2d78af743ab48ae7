using System.Diagnostics;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Codecs;
using OmniContextEval.Metrics.Clip;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Onnx.Benchmarks;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Benchmarks;

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
    public static async Task<NetworkBenchmarkResult> RunAsync(ModelSessionPool pool, string model, int batch, int threads,
        int rounds, int itemsPerRound, string workFolder, IProgress<string>? log = null, CancellationToken cancel = default)
    {
        var session = pool.Get(model);
        var entry = session.Entry;
        Func<Task<double>> harness;
        Action prepareAll;
        string path;
        long[] shape;
        if (entry.Preprocess is not null)
        {
            var files = WriteImages(workFolder, itemsPerRound);
            var extractor = ImageEmbedder.Create(pool, model, cache: null, new EngineOptions(BatchSize: batch));
            var (height, width) = extractor.Preprocessor.OutputSize(ImageSize, ImageSize);
            shape = [batch, 3, height, width];
            harness = async () =>
            {
                var watch = Stopwatch.StartNew();
                var results = await extractor.ExtractAsync(files.Select(ImageInput.FromFile).ToList(), cancel: cancel);
                if (results.Any(r => !r.Ok)) throw new InvalidOperationException(results.First(r => !r.Ok).Error);
                return watch.Elapsed.TotalSeconds;
            };
            path = $"PNG files {ImageSize}x{ImageSize} -> decode -> '{entry.Preprocess}' preprocessing ({height}x{width}) -> batches of {batch}, overlapped";
            prepareAll = () =>
            {
                var tensor = new float[session.InputItemSize];
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

    /// <summary>Width and height of the benchmark's PNG images (the shipped suite's output size).</summary>
    public const int ImageSize = 512;

    private static List<string> WriteImages(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(folder, $"bench-{i:D3}.png");
            if (!File.Exists(path))
            {
                var image = new RgbImage(ImageSize, ImageSize);
                var random = new Random(i);
                for (var p = 0; p < image.Pixels.Length; p++)
                    image.Pixels[p] = (byte)((p / 3 % ImageSize + p / (3 * ImageSize) + random.Next(32)) & 0xFF);
                PngEncoder.Write(path, image);
            }
            files.Add(path);
        }
        return files;
    }
}
