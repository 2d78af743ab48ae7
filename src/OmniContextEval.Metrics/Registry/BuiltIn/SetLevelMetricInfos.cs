using OmniContextEval.Core.Catalogue;
using OmniContextEval.Core.Results;
using OmniContextEval.Metrics.Measuring;

namespace OmniContextEval.Metrics.Registry.BuiltIn;

/// <summary>The set-level metrics: computed once per run from Inception features (<see cref="Runs.SetLevelMeasurer"/>).</summary>
internal static class SetLevelMetricInfos
{
    public static readonly MetricInfo Fid = new(SetMetricNames.Fid, "squared feature distance, >= 0", MetricDirection.LowerIsBetter,
        [MetricInputs.Network(ScoringModelNames.Inception), "image:outputs", "image:references"],
        "1", "over all outputs against all references", "Fréchet Inception Distance (pytorch-fid numerics)", MetricLevel.Set);
    public static readonly MetricInfo Kid = new(SetMetricNames.Kid, "squared MMD, unbiased", MetricDirection.LowerIsBetter,
        [MetricInputs.Network(ScoringModelNames.Inception), "image:outputs", "image:references"],
        "1", "mean over subsets", "Kernel Inception Distance (torch-fidelity subsets)", MetricLevel.Set);
}
