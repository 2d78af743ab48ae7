using OmniContextEval.Core.Results;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Fid;
using OmniContextEval.Metrics.Kid;
using OmniContextEval.Metrics.Numerics;

namespace OmniContextEval.Metrics.Measuring;

/// <summary>
/// FID (clean mode) and KID between a run's outputs and the suite's reference images, from their Inception pool3
/// features. Images without features are left out of the statistics; the count used is recorded.
/// </summary>
public static class SetLevelMeasurer
{
    public static SetLevelMetrics Measure(IReadOnlyList<FeatureResult> outputs, IReadOnlyList<FeatureResult> references)
    {
        var generated = Matrix(outputs);
        var truth = Matrix(references);
        if (generated is null || truth is null || generated.Rows < 2 || truth.Rows < 2)
            return SetLevelMetrics.None($"fewer than 2 usable images ({generated?.Rows ?? 0} outputs, {truth?.Rows ?? 0} references)");
        var fid = FidScore.From(FeatureStatistics.Of(generated), FeatureStatistics.Of(truth), FidMode.Clean);
        var kid = KernelInceptionDistance.Compute(generated, truth);
        var values = new Dictionary<string, double> { [SetMetricNames.Kid] = kid.Mean };
        var notComputed = new Dictionary<string, string>();
        if (double.IsFinite(fid.Value)) values[SetMetricNames.Fid] = fid.Value;
        else notComputed[SetMetricNames.Fid] = "FID is not finite even with pytorch-fid's eps retry";
        return new SetLevelMetrics(values, notComputed, generated.Rows,
            new Dictionary<string, double> { [SetMetricNames.Kid] = kid.StandardDeviation });
    }

    private static FeatureMatrix? Matrix(IReadOnlyList<FeatureResult> results)
    {
        var rows = results.Where(r => r.Ok).Select(r => r.Output(0)).ToList();
        return rows.Count == 0 ? null : FeatureMatrix.FromRows(rows, rows[0].Length);
    }
}
