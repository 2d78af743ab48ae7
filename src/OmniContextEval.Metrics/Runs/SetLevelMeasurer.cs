using OmniContextEval.Core.Results;
using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Metrics.Fid;
using OmniContextEval.Metrics.Kid;
using OmniContextEval.Metrics.Networks;

namespace OmniContextEval.Metrics.Runs;

/// <summary>
/// FID (clean mode) and KID between a run's outputs and the suite's reference images, through the Inception
/// network. Images that fail are left out of the statistics and counted in <see cref="SetLevelMetrics.NotComputed"/>'s notes.
/// </summary>
public static class SetLevelMeasurer
{
    public static SetLevelMetrics Measure(OnnxNetwork inception, IReadOnlyList<string> outputs, IReadOnlyList<string> references,
        int batchSize, CancellationToken cancel)
    {
        var extractor = new InceptionFeatureExtractor(inception, Preprocessor.Get(FidMode.Clean.PreprocessName()), batchSize);
        var generated = extractor.FromFiles(outputs, cancel);
        var truth = extractor.FromFiles(references, cancel);
        if (generated.Features.Rows < 2 || truth.Features.Rows < 2)
            return SetLevelMetrics.None($"fewer than 2 usable images ({generated.Features.Rows} outputs, {truth.Features.Rows} references)");
        var fid = FidScore.From(FeatureStatistics.Of(generated.Features), FeatureStatistics.Of(truth.Features), FidMode.Clean);
        var kid = KernelInceptionDistance.Compute(generated.Features, truth.Features);
        var values = new Dictionary<string, double> { [SetMetricNames.Kid] = kid.Mean };
        var notComputed = new Dictionary<string, string>();
        if (double.IsFinite(fid.Value)) values[SetMetricNames.Fid] = fid.Value;
        else notComputed[SetMetricNames.Fid] = "FID is not finite even with pytorch-fid's eps retry";
        return new SetLevelMetrics(values, notComputed, (int)generated.Features.Rows,
            new Dictionary<string, double> { [SetMetricNames.Kid] = kid.StandardDeviation });
    }
}
