using System.Globalization;
using System.Net;
using System.Text;
using OmniContextEval.Core.Statistics;

namespace OmniContextEval.Reports.Charts;

/// <summary>Static SVG charts for places without JavaScript (CI summaries, mail): plain shapes, escaped text, invariant numbers.</summary>
public static class SvgCharts
{
    private const int Width = 640, LabelWidth = 190, RowHeight = 24, Top = 34, Right = 60;

    /// <summary>Horizontal bars of means 0..100 with confidence-interval whiskers.</summary>
    public static string IntervalBars(string title, IReadOnlyList<ChartRow> rows)
    {
        var height = Top + rows.Count * RowHeight + 30;
        var svg = Open(title, height);
        var plot = Width - LabelWidth - Right;
        double X(double score) => LabelWidth + Math.Clamp(score, 0, 100) / 100 * plot;
        for (var tick = 0; tick <= 100; tick += 25)
            svg.Append(F($"<line x1=\"{X(tick)}\" y1=\"{Top - 4}\" x2=\"{X(tick)}\" y2=\"{height - 26}\" stroke=\"#e5e7eb\"/>"))
               .Append(F($"<text x=\"{X(tick)}\" y=\"{height - 10}\" text-anchor=\"middle\" class=\"tick\">{tick}</text>"));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + i * RowHeight;
            svg.Append(F($"<text x=\"{LabelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\">{Escape(row.Label)}</text>"))
               .Append(F($"<rect x=\"{LabelWidth}\" y=\"{y + 4}\" width=\"{X(row.Mean) - LabelWidth:0.##}\" height=\"{RowHeight - 8}\" fill=\"#2563eb\" opacity=\"0.85\"/>"))
               .Append(F($"<line x1=\"{X(row.Lower):0.##}\" y1=\"{y + RowHeight / 2}\" x2=\"{X(row.Upper):0.##}\" y2=\"{y + RowHeight / 2}\" stroke=\"#111827\" stroke-width=\"1.5\"/>"))
               .Append(F($"<text x=\"{X(100) + 6}\" y=\"{y + 15}\" class=\"value\">{row.Mean:0.0}</text>"));
        }
        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>Histogram of case totals in bins of 5 points.</summary>
    public static string Histogram(string title, IReadOnlyList<double> totals)
    {
        const int bins = 20, plotHeight = 140;
        var counts = new int[bins];
        foreach (var t in totals) counts[Math.Clamp((int)(t / 5), 0, bins - 1)]++;
        var max = Math.Max(1, counts.Max());
        var height = Top + plotHeight + 30;
        var svg = Open(title, height);
        var barWidth = (Width - 60.0) / bins;
        for (var b = 0; b < bins; b++)
        {
            var h = (double)counts[b] / max * plotHeight;
            svg.Append(F($"<rect x=\"{40 + b * barWidth:0.##}\" y=\"{Top + plotHeight - h:0.##}\" width=\"{barWidth - 2:0.##}\" height=\"{h:0.##}\" fill=\"#2563eb\" opacity=\"0.85\"><title>{b * 5}-{b * 5 + 5}: {counts[b]}</title></rect>"));
        }
        for (var tick = 0; tick <= 100; tick += 25)
            svg.Append(F($"<text x=\"{40 + tick / 5.0 * barWidth:0.##}\" y=\"{height - 10}\" text-anchor=\"middle\" class=\"tick\">{tick}</text>"));
        svg.Append(F($"<text x=\"36\" y=\"{Top + 10}\" text-anchor=\"end\" class=\"tick\">{max}</text>"));
        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>Box plots (min, quartiles, max) per group on a 0..100 axis.</summary>
    public static string BoxPlots(string title, IReadOnlyList<(string Label, IReadOnlyList<double> Values)> groups)
    {
        var height = Top + groups.Count * RowHeight + 30;
        var svg = Open(title, height);
        var plot = Width - LabelWidth - Right;
        double X(double score) => LabelWidth + Math.Clamp(score, 0, 100) / 100 * plot;
        for (var tick = 0; tick <= 100; tick += 25)
            svg.Append(F($"<text x=\"{X(tick)}\" y=\"{height - 10}\" text-anchor=\"middle\" class=\"tick\">{tick}</text>"));
        for (var i = 0; i < groups.Count; i++)
        {
            var sorted = groups[i].Values.Order().ToArray();
            if (sorted.Length == 0) continue;
            var (q1, median, q3) = (Bootstrap.Quantile(sorted, 0.25), Bootstrap.Quantile(sorted, 0.5), Bootstrap.Quantile(sorted, 0.75));
            var y = Top + i * RowHeight;
            var middle = y + RowHeight / 2;
            svg.Append(F($"<text x=\"{LabelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\">{Escape(groups[i].Label)}</text>"))
               .Append(F($"<line x1=\"{X(sorted[0]):0.##}\" y1=\"{middle}\" x2=\"{X(sorted[^1]):0.##}\" y2=\"{middle}\" stroke=\"#111827\"/>"))
               .Append(F($"<rect x=\"{X(q1):0.##}\" y=\"{y + 4}\" width=\"{X(q3) - X(q1):0.##}\" height=\"{RowHeight - 8}\" fill=\"#2563eb\" opacity=\"0.85\"/>"))
               .Append(F($"<line x1=\"{X(median):0.##}\" y1=\"{y + 4}\" x2=\"{X(median):0.##}\" y2=\"{y + RowHeight - 4}\" stroke=\"#fff\" stroke-width=\"2\"/>"));
        }
        return svg.Append("</svg>\n").ToString();
    }

    private static StringBuilder Open(string title, int height) => new StringBuilder()
        .Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\" fill=\"#111827\">"))
        .Append("<style>.tick{fill:#6b7280;font-size:10px}.value{font-size:11px}</style>")
        .Append(F($"<text x=\"4\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>"));

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
