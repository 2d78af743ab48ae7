using OmniContextEval.Core.Results;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Resize;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Lpips;
using OmniContextEval.Metrics.Pixel;

namespace OmniContextEval.Metrics.Measuring;

/// <summary>
/// PSNR, SSIM and LPIPS of each output against its case's reference image, computed inside the shared image pass
/// (an output whose size differs from the reference is first resized to it, PIL bicubic) and cached per metric
/// version and both images' content, so a re-score decodes nothing.
/// </summary>
internal sealed class ReferencePairs
{
    /// <summary>Cache name of the pixel metrics; change the version when their arithmetic changes.</summary>
    public const string PixelMetric = "psnr-ssim/1";

    private readonly ScoringImages images;
    private readonly LpipsScorer? lpips;
    private readonly PairValueCache cache;
    private readonly string? lpipsMetric;
    private readonly Dictionary<int, Dictionary<string, double>> values = [];
    private readonly Dictionary<int, string> errors = [];
    private readonly Lock gate = new();
    private readonly List<ReferencePair> pixelPending = [], lpipsPending = [];

    public ReferencePairs(ScoringImages images, LpipsScorer? lpips, FeatureCache? cache)
    {
        this.images = images;
        this.lpips = lpips;
        this.cache = new PairValueCache(images, cache);
        lpipsMetric = lpips is null ? null : $"lpips-v0.1/{lpips.Session.Sha256}/{lpips.WeightsSha256}";
        foreach (var pair in images.Pairs)
        {
            if (!FromCache(pair, PixelMetric, [MetricNames.PsnrReference, MetricNames.SsimReference])) pixelPending.Add(pair);
            if (lpipsMetric is not null && !FromCache(pair, lpipsMetric, [MetricNames.LpipsReference])) lpipsPending.Add(pair);
        }
    }

    /// <summary>Decoded pixels for the pairs the cache did not answer.</summary>
    public PixelJob? PixelJob()
    {
        if (pixelPending.Count == 0) return null;
        var collector = new PairCollector<RgbImage>(pixelPending.Select(p => (p.Output, p.Reference)).ToList(),
            (i, output, reference) => Pixels(pixelPending[i], output, reference));
        return new PixelJob(Members(pixelPending), (image, pixels, _) => collector.Add(image, pixels));
    }

    /// <summary>LPIPS taps for the pairs the cache did not answer (taps are not cached: too large).</summary>
    public NetworkJob? LpipsJob()
    {
        if (lpips is null || lpipsPending.Count == 0) return null;
        var collector = new PairCollector<FeatureResult>(lpipsPending.Select(p => (p.Output, p.Reference)).ToList(),
            (i, output, reference) => Lpips(lpipsPending[i], output, reference));
        var referenceOf = lpipsPending.ToDictionary(p => p.Output, p => p.Reference);
        return new NetworkJob(lpips.Session, LpipsScorer.Input, null, (image, result) => collector.Add(image, result.Ok ? result : null))
        {
            Images = Members(lpipsPending),
            ResizeTo = image => referenceOf.TryGetValue(image, out var reference) ? SizeOf(reference) : null,
        };
    }

    /// <summary>Writes the newly computed values to the cache.</summary>
    public void Store() => cache.Store();

    /// <summary>PSNR, SSIM and LPIPS for the output image at <paramref name="output"/> (those computed), and why any failed.</summary>
    public (IReadOnlyDictionary<string, double> Values, string? Error) For(int output) =>
        (values.TryGetValue(output, out var v) ? v : new Dictionary<string, double>(), errors.GetValueOrDefault(output));

    private bool FromCache(ReferencePair pair, string metric, string[] names)
    {
        if (!cache.TryGet(metric, pair.Output, pair.Reference, names.Length, out var cached))
            return false;
        for (var i = 0; i < names.Length; i++)
            Record(pair, names[i], cached[i]);
        return true;
    }

    private void Pixels(ReferencePair pair, RgbImage? output, RgbImage? reference)
    {
        if (output is null || reference is null)
        {
            Fail(pair, "PSNR/SSIM: the output or the reference image could not be read");
            return;
        }
        try
        {
            if (output.Width != reference.Width || output.Height != reference.Height)
                output = PilResize.Resize(output, reference.Width, reference.Height, PilFilter.Bicubic);
            double psnr = Psnr.Compute(output, reference).Decibels, ssim = Ssim.Compute(output, reference);
            Computed(pair, PixelMetric, [MetricNames.PsnrReference, MetricNames.SsimReference], [psnr, ssim]);
        }
        catch (Core.HarnessException e)
        {
            Fail(pair, $"PSNR/SSIM: {e.Message}");
        }
    }

    private void Lpips(ReferencePair pair, FeatureResult? output, FeatureResult? reference)
    {
        if (output?.ItemShapes is null || reference?.ItemShapes is null)
        {
            Fail(pair, "LPIPS: the output or the reference image has no taps");
            return;
        }
        try
        {
            var distance = lpips!.Distance(output.Outputs!, output.ItemShapes, reference.Outputs!, reference.ItemShapes);
            Computed(pair, lpipsMetric!, [MetricNames.LpipsReference], [distance]);
        }
        catch (ArgumentException e)
        {
            Fail(pair, $"LPIPS: {e.Message}");
        }
    }

    private void Computed(ReferencePair pair, string metric, string[] names, double[] computed)
    {
        lock (gate)
            for (var i = 0; i < names.Length; i++)
                Record(pair, names[i], computed[i]);
        cache.Add(metric, pair.Output, pair.Reference, computed);
    }

    private void Record(ReferencePair pair, string name, double value)
    {
        if (!values.TryGetValue(pair.Output, out var v)) values[pair.Output] = v = [];
        v[name] = value;
    }

    private void Fail(ReferencePair pair, string error)
    {
        lock (gate)
            errors[pair.Output] = errors.TryGetValue(pair.Output, out var e) ? $"{e}; {error}" : error;
    }

    private (int Width, int Height)? SizeOf(int image)
    {
        try
        {
            var info = ImageDecoder.ReadInfo(images.Images[image].Name);
            return (info.Width, info.Height);
        }
        catch (Exception e) when (e is ImageDecodeException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static HashSet<int> Members(List<ReferencePair> pairs) => pairs.SelectMany(p => new[] { p.Output, p.Reference }).ToHashSet();
}
