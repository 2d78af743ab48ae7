using System.Diagnostics;
using OmniContextEval.Core;
using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Results;
using OmniContextEval.Generation.Adapters;
using OmniContextEval.Imaging.Codecs;

namespace OmniContextEval.Generation.Running;

/// <summary>
/// Generates every (case, seed) of a suite with one generator into an <see cref="OutputLayout"/>. Outputs whose
/// sidecar carries the current config hash are skipped; each new image is written atomically, then its sidecar,
/// then its record, so a killed run leaves no partial file and a rerun picks up exactly what is missing.
/// A failed (case, seed) is recorded and the run goes on.
/// </summary>
public sealed class GenerationRunner(IImageGenerator generator, OutputLayout layout)
{
    private sealed record Planned(GenerationRequest Request, string ConfigHash);

    public async Task<GenerationSummary> RunAsync(IReadOnlyList<BenchmarkCase> cases, string suiteDirectory, IReadOnlyList<int> seeds,
        IProgress<GenerationProgress>? progress = null, CancellationToken cancellation = default, (int Width, int Height)? size = null)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(layout.MethodDirectory);
        RemoveLeftoverTemporaryFiles();
        var log = new GenerationLog(layout.LogPath);
        var records = log.Load();
        log.Rewrite(records.Values);
        var plan = Plan(cases, suiteDirectory, seeds, size);
        var pending = new HashSet<Planned>();
        foreach (var item in plan)
        {
            var (c, seed) = (item.Request.Case, item.Request.Seed);
            var sidecar = GenerationSidecar.TryRead(layout.SidecarPath(c, seed));
            var image = layout.ImagePath(c, seed);
            if (sidecar?.ConfigHash != item.ConfigHash || !Present(image)) { pending.Add(item); continue; }
            // The sidecar says the image is current; the file itself must still agree (kind, location, decoding, size).
            var relative = OutputLayout.RelativeImagePath(c, seed);
            records[(c.Id, seed)] = OutputCheck.Problem(image, layout.MethodDirectory, item.Request.Width, item.Request.Height) is { } problem
                ? new GenerationRecord(c.Id, seed, GenerationStatus.Failed, null,
                    $"output {relative}: {problem} (delete it and its sidecar to generate it again)", item.ConfigHash, sidecar.WallSeconds)
                : new GenerationRecord(c.Id, seed, GenerationStatus.Ok, relative, null, item.ConfigHash, sidecar.WallSeconds);
        }
        var problems = plan.Where(p => !pending.Contains(p)).Select(p => records[(p.Request.Case.Id, p.Request.Seed)])
            .Where(r => r.Status != GenerationStatus.Ok).ToList();
        var rejected = problems.Count;
        var upToDate = plan.Count - pending.Count - rejected;
        var done = upToDate + problems.Count;
        progress?.Report(new(done, plan.Count, upToDate, 0, clock.Elapsed));
        var batches = pending.GroupBy(p => p.Request.Case.Id).SelectMany(g => g.Chunk(Math.Max(1, generator.BatchSize))).ToList();
        try
        {
            await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, generator.Parallelism), CancellationToken = cancellation },
                async (batch, token) =>
                {
                    foreach (var record in await RunBatchAsync(batch, token))
                    {
                        log.Append(record);
                        lock (problems)
                        {
                            records[(record.CaseId, record.Seed)] = record;
                            if (record.Status != GenerationStatus.Ok) problems.Add(record);
                            done++;
                            progress?.Report(new(done, plan.Count, upToDate, problems.Count, clock.Elapsed));
                        }
                    }
                });
        }
        finally
        {
            lock (problems) log.Rewrite(records.Values.OrderBy(r => r.CaseId, StringComparer.Ordinal).ThenBy(r => r.Seed));
        }
        var planned = plan.Select(p => records[(p.Request.Case.Id, p.Request.Seed)]).ToList();
        return new GenerationSummary(plan.Count, upToDate, pending.Count - (problems.Count - rejected),
            problems.OrderBy(p => p.CaseId, StringComparer.Ordinal).ThenBy(p => p.Seed).ToList(), clock.Elapsed, planned);
    }

    // Anything at the image path, a dangling link or a FIFO included.
    private static bool Present(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;

    // A process killed inside AtomicFile leaves its temporary file ({target}.{pid}.{guid}.tmp) beside the target.
    private void RemoveLeftoverTemporaryFiles()
    {
        foreach (var file in Directory.EnumerateFiles(layout.MethodDirectory, "*.tmp", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (name.Contains(".png.") || name.Contains(".json.") || name.StartsWith("generation.jsonl.", StringComparison.Ordinal))
                File.Delete(file);
        }
    }

    private List<Planned> Plan(IReadOnlyList<BenchmarkCase> cases, string suiteDirectory, IReadOnlyList<int> seeds, (int Width, int Height)? size)
    {
        var plan = new List<Planned>();
        foreach (var c in cases)
        {
            var (w, h) = size ?? (c.OutputSize.Width, c.OutputSize.Height);
            string? digest = null;
            foreach (var seed in seeds)
            {
                var request = new GenerationRequest(c, suiteDirectory, seed, w, h);
                digest ??= ConfigHash.InputImagesDigest(request);
                plan.Add(new Planned(request, ConfigHash.Compute(generator.Identity, request, digest)));
            }
        }
        return plan;
    }

    private async Task<List<GenerationRecord>> RunBatchAsync(Planned[] batch, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<GenerationOutcome> outcomes;
        try
        {
            outcomes = await generator.GenerateAsync(batch.Select(p => p.Request).ToList(), cancellation);
            if (outcomes.Count != batch.Length)
                outcomes = batch.Select(_ => GenerationOutcome.Failed($"the generator returned {outcomes.Count} results for {batch.Length} requests")).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcomes = batch.Select(_ => GenerationOutcome.Failed($"{e.GetType().Name}: {e.Message}")).ToList();
        }
        var seconds = clock.Elapsed.TotalSeconds / batch.Length;
        return batch.Zip(outcomes, (p, o) => Store(p, o, seconds)).ToList();
    }

    private GenerationRecord Store(Planned planned, GenerationOutcome outcome, double seconds)
    {
        var (request, hash) = (planned.Request, planned.ConfigHash);
        var (c, seed) = (request.Case, request.Seed);
        var image = outcome.Image;
        if (outcome.Status == GenerationStatus.Ok && (image is null || image.Width != request.Width || image.Height != request.Height))
            outcome = GenerationOutcome.Failed(image is null
                ? "the generator reported success without an image"
                : $"the generator returned a {image.Width}x{image.Height} image, expected {request.Width}x{request.Height}");
        if (outcome.Status != GenerationStatus.Ok)
        {
            foreach (var stale in new[] { layout.SidecarPath(c, seed), layout.ImagePath(c, seed) })
                if (File.Exists(stale) && !Directory.Exists(stale)) File.Delete(stale);
            return new GenerationRecord(c.Id, seed, outcome.Status, null, outcome.Error ?? "no reason given", hash, seconds);
        }
        try { PngEncoder.Write(layout.ImagePath(c, seed), image!); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new GenerationRecord(c.Id, seed, GenerationStatus.Failed, null,
                $"cannot write {OutputLayout.RelativeImagePath(c, seed)}: {e.Message}", hash, seconds);
        }
        var id = generator.Identity;
        new GenerationSidecar(c.Id, seed, id.Name, id.Version, request.Width, request.Height, id.Steps, id.Solver, id.TextGuidance,
            id.ImageGuidance, id.CfgRange, id.Shift, id.ModelHash, id.Settings, hash, seconds, HarnessInfo.Version).Write(layout.SidecarPath(c, seed));
        return new GenerationRecord(c.Id, seed, GenerationStatus.Ok, OutputLayout.RelativeImagePath(c, seed), null, hash, seconds);
    }
}
