using OmniContextEval.Core.Catalogue;
using OmniContextEval.Metrics.Registry;

namespace OmniContextEval.Metrics.Tests.Registry;

/// <summary>
/// A toy metric, added the way docs/adding-a-metric.md says: this one file plus one registration
/// (<c>MetricRegistry.CreateDefault().Add(new InstructionLength())</c>). It reads a case field only.
/// </summary>
public sealed class InstructionLength : ICaseMetric
{
    public MetricInfo Info { get; } = new("instruction_length", "characters", MetricDirection.LowerIsBetter,
        [MetricInputs.CaseField("instruction.en")], "1", "none", "length of the English instruction (a toy)");

    public MetricOutcome Compute(CaseMetricContext context) =>
        context.Request.Case.EnglishInstruction.Length is > 0 and var n ? MetricOutcome.Of(n) : MetricOutcome.NotComputed("no instruction");
}
