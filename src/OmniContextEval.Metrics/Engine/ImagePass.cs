using System.Threading.Channels;
using OmniContextEval.Core;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Resize;
using OmniContextEval.Metrics.Similarity;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Engine;

/// <summary>
/// Runs several networks (and pixel metrics) over one list of images, reading and decoding each image at most once:
/// every job's cache is asked first, and an image is decoded only when some job still needs it. Decoding and
/// preprocessing run on <see cref="EngineOptions.Workers"/> threads, either while the networks run batches of the
/// images before them or, by default, in turns with them (<see cref="EngineOptions.OverlapInference"/>). Images enter each network's batches in list order (a batch also ends where the input size
/// changes), so results do not depend on timing. Per-image failures (unreadable, undecodable, NaN or infinite
/// outputs) reach the job's sink as failed results, never as exceptions.
/// </summary>
public sealed class ImagePass(EngineOptions? options = null)
{
    private readonly EngineOptions options = options ?? EngineOptions.Default;

    /// <summary>Image-network results the jobs will produce (the total that <c>progress</c> counts to).</summary>
    public static int Work(int imageCount, IEnumerable<NetworkJob> networks) =>
        networks.Sum(n => n.Images?.Count(i => i >= 0 && i < imageCount) ?? imageCount);

    /// <param name="progress">Hears the number of image-network results finished so far.</param>
    public async Task RunAsync(IReadOnlyList<ImageInput> images, IReadOnlyList<NetworkJob> networks, IReadOnlyList<PixelJob> pixels,
        IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        var done = 0;
        void Finish(NetworkJob job, int index, FeatureResult result)
        {
            job.Finish(index, result);
            progress?.Report(Interlocked.Increment(ref done));
        }
        var capacity = Math.Max(1, options.QueueDepth * options.BatchSize);
        var queue = Channel.CreateBounded<Prepared>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var turns = options.OverlapInference ? null : new ReaderWriterLockSlim();
        var producer = Task.Run(() => ProduceAsync(images, networks, pixels, queue.Writer, Finish, turns, stop.Token), stop.Token);
        try
        {
            await Task.Run(() => ConsumeAsync(networks, queue.Reader, Finish, turns, stop.Token), stop.Token);
        }
        catch
        {
            stop.Cancel(); // the producer may be waiting for room in the queue
            throw;
        }
        await producer;
    }

    /// <summary>A preprocessed image waiting for network <see cref="Job"/>.</summary>
    private sealed record Prepared(int Job, int Index, string Name, string Hash, float[] Tensor, int Height, int Width);

    /// <param name="turns">When not null, preparation holds it shared and network batches exclusively, so the two alternate.</param>
    private async Task ProduceAsync(IReadOnlyList<ImageInput> images, IReadOnlyList<NetworkJob> networks, IReadOnlyList<PixelJob> pixels,
        ChannelWriter<Prepared> writer, Action<NetworkJob, int, FeatureResult> finish, ReaderWriterLockSlim? turns, CancellationToken cancel)
    {
        try
        {
            var window = new Queue<Task<List<Prepared>>>();
            var next = 0;
            var workers = options.Workers;
            while (next < images.Count || window.Count > 0)
            {
                while (next < images.Count && window.Count < workers)
                {
                    var index = next++;
                    window.Enqueue(Task.Run(() => InTurn(turns, exclusive: false, () => Prepare(index, images[index], networks, pixels, finish)), cancel));
                }
                foreach (var prepared in await window.Dequeue())
                    await writer.WriteAsync(prepared, cancel);
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }

    /// <summary>The tensors still to run for one image; cache hits and failures are finished here.</summary>
    private static List<Prepared> Prepare(int index, ImageInput image, IReadOnlyList<NetworkJob> networks, IReadOnlyList<PixelJob> pixels,
        Action<NetworkJob, int, FeatureResult> finish)
    {
        var prepared = new List<Prepared>();
        var wanted = Enumerable.Range(0, networks.Count).Where(j => networks[j].Includes(index)).ToList();
        var pixelJobs = pixels.Where(p => p.Includes(index)).ToList();
        if (wanted.Count == 0 && pixelJobs.Count == 0)
            return prepared;
        void FailAll(IEnumerable<int> jobs, string? hash, string error)
        {
            foreach (var j in jobs)
                finish(networks[j], index, FeatureResult.Failed(image.Name, hash, error));
            foreach (var p in pixelJobs)
                p.Finish(index, null, error);
        }
        string hash;
        try
        {
            hash = image.ContentHash;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            FailAll(wanted, null, $"cannot read: {e.Message}");
            return prepared;
        }
        var misses = new List<int>();
        foreach (var j in wanted)
        {
            if (networks[j].UsesCacheFor(index) && networks[j].Cache!.TryGet(networks[j].Key(hash), out var cached))
            {
                networks[j].CountCached();
                finish(networks[j], index, new FeatureResult(image.Name, hash, cached, null, true));
            }
            else
                misses.Add(j);
        }
        if (misses.Count == 0 && pixelJobs.Count == 0)
            return prepared;
        RgbImage decoded;
        try
        {
            decoded = image.Decode();
        }
        catch (Exception e) when (e is ImageDecodeException or IOException or UnauthorizedAccessException)
        {
            FailAll(misses, hash, e is ImageDecodeException d ? d.Message : $"cannot read: {e.Message}");
            return prepared;
        }
        foreach (var p in pixelJobs)
            p.Finish(index, decoded, null);
        foreach (var j in misses)
        {
            var job = networks[j];
            try
            {
                var source = job.ResizeTo?.Invoke(index) is { } size && (size.Width != decoded.Width || size.Height != decoded.Height)
                    ? PilResize.Resize(decoded, size.Width, size.Height, PilFilter.Bicubic)
                    : decoded;
                var (height, width) = job.Preprocessor.OutputSize(source.Width, source.Height);
                if (SizeProblem(job, height, width) is { } problem)
                {
                    finish(job, index, FeatureResult.Failed(image.Name, hash, problem));
                    continue;
                }
                var tensor = GC.AllocateUninitializedArray<float>(3 * height * width); // Write fills every value
                job.Preprocessor.Write(source, tensor);
                prepared.Add(new Prepared(j, index, image.Name, hash, tensor, height, width));
            }
            catch (HarnessException e)
            {
                finish(job, index, FeatureResult.Failed(image.Name, hash, e.Message));
            }
        }
        return prepared;
    }

    /// <summary>Why a 3 x height x width tensor does not fit the model's input, or null when it does.</summary>
    private static string? SizeProblem(NetworkJob job, int height, int width)
    {
        var shape = job.Session.Entry.Inputs[0].Shape;
        bool Fits(int axis, long value) => shape.Count <= axis || shape[axis] < 0 || shape[axis] == value;
        return Fits(1, 3) && Fits(2, height) && Fits(3, width) ? null
            : $"preprocessing '{job.Preprocessor.Name}' gives a 3x{height}x{width} tensor, model '{job.Session.Entry.Name}' takes {ModelVerifier.FormatShape(shape)}";
    }

    private static T InTurn<T>(ReaderWriterLockSlim? turns, bool exclusive, Func<T> work)
    {
        if (turns is null) return work();
        if (exclusive) turns.EnterWriteLock(); else turns.EnterReadLock();
        try { return work(); }
        finally { if (exclusive) turns.ExitWriteLock(); else turns.ExitReadLock(); }
    }

    private async Task ConsumeAsync(IReadOnlyList<NetworkJob> networks, ChannelReader<Prepared> reader,
        Action<NetworkJob, int, FeatureResult> finish, ReaderWriterLockSlim? turns, CancellationToken cancel)
    {
        void Run(NetworkJob job, List<Prepared> batch) => InTurn(turns, exclusive: true, () => RunBatch(job, batch, finish));
        var batches = networks.Select(_ => new List<Prepared>(options.BatchSize)).ToArray();
        while (await reader.WaitToReadAsync(cancel))
        {
            while (reader.TryRead(out var item))
            {
                var batch = batches[item.Job];
                if (batch.Count > 0 && (batch[0].Height != item.Height || batch[0].Width != item.Width))
                    Run(networks[item.Job], batch);
                batch.Add(item);
                if (batch.Count == options.BatchSize)
                    Run(networks[item.Job], batch);
            }
        }
        for (var j = 0; j < networks.Count; j++)
            Run(networks[j], batches[j]);
        await reader.Completion;
    }

    /// <summary>Runs and empties one batch; every item's outputs are checked, cached and finished. Returns the batch size.</summary>
    private static int RunBatch(NetworkJob job, List<Prepared> batch, Action<NetworkJob, int, FeatureResult> finish)
    {
        if (batch.Count == 0) return 0;
        var count = batch.Count;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var size = batch[0].Tensor.Length;
        var input = GC.AllocateUninitializedArray<float>(batch.Count * size);
        for (var i = 0; i < batch.Count; i++)
            batch[i].Tensor.CopyTo(input, i * size);
        using var outputs = job.Session.RunInPlace(input, [batch.Count, 3, batch[0].Height, batch[0].Width]);
        var shapes = Enumerable.Range(0, outputs.Count).Select(o => outputs.Shape(o)[1..]).ToArray();
        var itemSizes = shapes.Select(s => checked((int)s.Aggregate(1L, (a, d) => a * d))).ToArray();
        var items = new float[batch.Count][][];
        var finite = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            items[i] = new float[outputs.Count][];
            finite[i] = true;
            for (var o = 0; o < outputs.Count; o++)
            {
                var values = outputs.Values(o).Slice(i * itemSizes[o], itemSizes[o]);
                finite[i] &= Vectors.AllFinite(values);
                items[i][o] = GC.AllocateUninitializedArray<float>(values.Length);
                values.CopyTo(items[i][o]);
            }
        }
        job.NetworkTime += clock.Elapsed;
        job.CountComputed(batch.Count);
        var toCache = new List<(FeatureKey, float[][])>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var p = batch[i];
            if (!finite[i])
            {
                finish(job, p.Index, FeatureResult.Failed(p.Name, p.Hash, $"model '{job.Session.Entry.Name}' produced NaN or infinite (non-finite) values for this image"));
                continue;
            }
            if (job.Cache is not null)
                toCache.Add((job.Key(p.Hash), job.ToCache(items[i])));
            finish(job, p.Index, new FeatureResult(p.Name, p.Hash, items[i], null, false, shapes));
        }
        job.Cache?.PutMany(toCache);
        batch.Clear();
        return count;
    }
}
