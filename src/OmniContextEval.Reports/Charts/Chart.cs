namespace OmniContextEval.Reports.Charts;

/// <summary>
/// One chart as data, independent of how it is drawn: <see cref="ChartRenderer"/> turns it into SVG (inlined in
/// index.html) and PNG (linked from the Markdown files). Scores are 0..100, higher is better.
/// </summary>
/// <param name="Id">File name without extension (charts/&lt;id&gt;.png and .svg) and HTML element id.</param>
/// <param name="Axis">Title of the value axis, with its unit.</param>
public sealed record Chart(string Id, string Title, string Axis, ChartData Data);

/// <summary>What a chart shows; one subtype per kind of picture.</summary>
public abstract record ChartData;

/// <summary>Horizontal bars of means with 95% CI whiskers, one per row, first row on top.</summary>
/// <param name="Differences">
/// False: scores on a fixed 0..100 axis. True: paired differences (candidate - baseline) on an axis symmetric
/// around 0, coloured by whether the interval lies above, below or across 0.
/// </param>
public sealed record IntervalData(IReadOnlyList<ChartRow> Rows, bool Differences = false) : ChartData;

/// <summary>Counts of values 0..100 in bins of <paramref name="BinWidth"/> points.</summary>
public sealed record HistogramData(IReadOnlyList<double> Values, double BinWidth = 5) : ChartData;

/// <summary>Box plots (minimum, quartiles, median, maximum) of values 0..100, one per group, first group on top.</summary>
public sealed record DistributionData(IReadOnlyList<ValueGroup> Groups) : ChartData;

/// <summary>A labelled set of values (e.g. case totals at one seed).</summary>
public sealed record ValueGroup(string Label, IReadOnlyList<double> Values);
