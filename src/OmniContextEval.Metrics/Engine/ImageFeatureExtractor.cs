using System.Threading.Channels;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Metrics.Similarity;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Engine;

/// <summary>
/// Runs one image network over many images: cache look-up, then decoding and preprocessing on
/// <see cref="EngineOptions.PreprocessWorkers"/> threads while the network runs batches of the images before them.
/// Images enter batches in input order, so results do not depend on timing. Per-image failures (unreadable,
/// undecodable, NaN or infinite outputs) are recorded in the result, never thrown.
/// </summary>
public sealed class ImageFeatureExtractor(ModelSession session, Preprocessor preprocessor, FeatureCache? cache = null, EngineOptions? options = null)
{
    private readonly EngineOptions options = options ?? EngineOptions.Default;

    public ModelSession Session { get; } = session;
    public Preprocessor Preprocessor { get; } = preprocessor;

    /// <summary>Features of every image, in input order. <paramref name="progress"/> hears the count of images done.</summary>
    public async Task<IReadOnlyList<FeatureResult>> ExtractAsync(IReadOnlyList<ImageInput> images, IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        var results = new FeatureResult[images.Count];
        var done = 0;
        void Finish(int index, FeatureResult result)
        {
            results[index] = result;
            progress?.Report(Interlocked.Increment(ref done));
        }
        var queue = Channel.CreateBounded<Prepared>(new BoundedChannelOptions(Math.Max(1, options.QueueDepth * options.BatchSize)) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var producer = Task.Run(() => ProduceAsync(images, queue.Writer, Finish, stop.Token), stop.Token);
        try
        {
            await Task.Run(() => ConsumeAsync(queue.Reader, Finish, stop.Token), stop.Token);
        }
        catch
        {
            stop.Cancel();  // the producer may be waiting for room in the queue
            throw;
        }
        await producer;
        return results;
    }

    private sealed record Prepared(int Index, string Name, string Hash, float[] Tensor);

    private async Task ProduceAsync(IReadOnlyList<ImageInput> images, ChannelWriter<Prepared> writer, Action<int, FeatureResult> finish, CancellationToken cancel)
    {
        try
        {
            var window = new Queue<Task<Prepared?>>();
            var next = 0;
            while (next < images.Count || window.Count > 0)
            {
                while (next < images.Count && window.Count < Math.Max(1, options.PreprocessWorkers))
                {
                    var index = next++;
                    window.Enqueue(Task.Run(() => Prepare(index, images[index], finish), cancel));
                }
                if (await window.Dequeue() is { } prepared)
                    await writer.WriteAsync(prepared, cancel);
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }

    /// <summary>Returns the tensor to run, or null when the cache answered or the image failed (already recorded).</summary>
    private Prepared? Prepare(int index, ImageInput image, Action<int, FeatureResult> finish)
    {
        string hash;
        Func<RgbImage> decode;
        try
        {
            (hash, decode) = image.Open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            finish(index, new FeatureResult(image.Name, null, null, $"cannot read: {e.Message}", false));
            return null;
        }
        if (cache is not null && cache.TryGet(Key(hash), out var cached))
        {
            finish(index, new FeatureResult(image.Name, hash, cached, null, true));
            return null;
        }
        try
        {
            var decoded = decode();
            var (height, width) = Preprocessor.OutputSize(decoded.Width, decoded.Height);
            if (3 * height * width != Session.InputItemSize)
            {
                finish(index, new FeatureResult(image.Name, hash, null, $"preprocessing '{Preprocessor.Name}' gives a 3x{height}x{width} tensor, model '{Session.Entry.Name}' takes {Onnx.Models.ModelVerifier.FormatShape(Session.Entry.Inputs[0].Shape)}", false));
                return null;
            }
            var tensor = new float[Session.InputItemSize];
            Preprocessor.Write(decoded, tensor);
            return new Prepared(index, image.Name, hash, tensor);
        }
        catch (ImageDecodeException e)
        {
            finish(index, new FeatureResult(image.Name, hash, null, e.Message, false));
            return null;
        }
    }

    private async Task ConsumeAsync(ChannelReader<Prepared> reader, Action<int, FeatureResult> finish, CancellationToken cancel)
    {
        var batch = new List<Prepared>(options.BatchSize);
        while (await reader.WaitToReadAsync(cancel))
        {
            while (batch.Count < options.BatchSize && reader.TryRead(out var item))
                batch.Add(item);
            if (batch.Count == options.BatchSize)
            {
                RunBatch(batch, finish);
                batch.Clear();
            }
        }
        RunBatch(batch, finish);
        await reader.Completion;
    }

    private void RunBatch(List<Prepared> batch, Action<int, FeatureResult> finish)
    {
        if (batch.Count == 0) return;
        var size = Session.InputItemSize;
        var input = new float[batch.Count * size];
        for (var i = 0; i < batch.Count; i++)
            batch[i].Tensor.CopyTo(input, i * size);
        var outputs = Session.Run(input, batch.Count);
        var itemSizes = Session.OutputItemSizes;
        var toCache = new List<(FeatureKey, float[][])>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var item = new float[outputs.Length][];
            for (var o = 0; o < outputs.Length; o++)
                item[o] = outputs[o].AsSpan(i * itemSizes[o], itemSizes[o]).ToArray();
            var p = batch[i];
            if (item.Any(o => !Vectors.AllFinite(o)))
            {
                finish(p.Index, new FeatureResult(p.Name, p.Hash, null, $"model '{Session.Entry.Name}' produced NaN or infinite values for this image", false));
                continue;
            }
            toCache.Add((Key(p.Hash), item));
            finish(p.Index, new FeatureResult(p.Name, p.Hash, item, null, false));
        }
        cache?.PutMany(toCache);
    }

    private FeatureKey Key(string contentHash) => new(Session.Sha256, Preprocessor.Name, contentHash);
}
