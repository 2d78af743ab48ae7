using OmniContextEval.Core.Statistics;

namespace OmniContextEval.Reports.Charts;

/// <summary>One bar: a mean score 0..100 with its confidence interval and the number of cases behind it.</summary>
public sealed record ChartRow(string Label, double Mean, double Lower, double Upper, int N)
{
    public static ChartRow From(string label, Estimate estimate) => new(label, estimate.Mean, estimate.Lower, estimate.Upper, estimate.N);
}
