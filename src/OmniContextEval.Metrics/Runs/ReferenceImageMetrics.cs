using OmniContextEval.Core.Results;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Resize;
using OmniContextEval.Metrics.Lpips;
using OmniContextEval.Metrics.Pixel;
using OmniContextEval.Metrics.Scoring;

namespace OmniContextEval.Metrics.Runs;

/// <summary>
/// PSNR, SSIM and (when an LPIPS model is available) LPIPS of an output against its case's reference image.
/// An output whose size differs from the reference is first resized to it (PIL bicubic). An unreadable image
/// gives no values (the scorer records them as not computed), never an exception.
/// </summary>
public sealed class ReferenceImageMetrics(LpipsScorer? lpips) : IReferenceImageMetrics
{
    private readonly Lock _lpipsGate = new();

    public IReadOnlyDictionary<string, double> Compute(string outputImage, string referenceImage)
    {
        RgbImage output, reference;
        try
        {
            output = ImageDecoder.Decode(outputImage);
            reference = ImageDecoder.Decode(referenceImage);
        }
        catch (ImageDecodeException)
        {
            return new Dictionary<string, double>();
        }
        if (output.Width != reference.Width || output.Height != reference.Height)
            output = PilResize.Resize(output, reference.Width, reference.Height, PilFilter.Bicubic);
        var values = new Dictionary<string, double>
        {
            [MetricNames.PsnrReference] = Psnr.Compute(output, reference).Decibels,
            [MetricNames.SsimReference] = Ssim.Compute(output, reference),
        };
        if (lpips is not null)
            lock (_lpipsGate) values[MetricNames.LpipsReference] = lpips.Distance(output, reference);
        return values;
    }
}
