using System.Globalization;
using System.Text.RegularExpressions;
using OmniContextEval.Core;
using OmniContextEval.Core.Statistics;
using ScottPlot;

namespace OmniContextEval.Reports.Charts;

/// <summary>
/// Draws a <see cref="Chart"/> with ScottPlot into SVG and PNG. Text uses DejaVu Sans loaded from its file
/// (Debian's fonts-dejavu-core, installed by tools/setup.sh), never a system font lookup, so every machine draws
/// the same pixels. Numbers are formatted with the invariant culture.
/// </summary>
public static partial class ChartRenderer
{
    /// <summary>Where Debian's fonts-dejavu-core puts the regular and bold faces.</summary>
    public const string FontFolder = "/usr/share/fonts/truetype/dejavu";
    public const string FontName = "DejaVu Sans";
    private const int Width = 720, RowHeight = 30, Margin = 90;
    private static readonly Color Blue = Color.FromHex("#2563eb"), Ink = Color.FromHex("#111827"), Grey = Color.FromHex("#9ca3af"),
        Red = Color.FromHex("#dc2626"), Green = Color.FromHex("#16a34a");
    private static readonly Lazy<bool> FontsLoaded = new(LoadFonts);
    private static readonly Lock Gate = new();

    public static RenderedChart Render(Chart chart)
    {
        _ = FontsLoaded.Value;
        lock (Gate) // ScottPlot's font cache is process-wide
        {
            using var plot = new Plot();
            plot.Font.Set(FontName);
            plot.Title(chart.Title, 15);
            var height = chart.Data switch
            {
                IntervalData d => Intervals(plot, d, chart.Axis),
                DistributionData d => Distributions(plot, d, chart.Axis),
                HistogramData d => Histogram(plot, d, chart.Axis),
                _ => throw new ArgumentException($"chart {chart.Id}: unknown data {chart.Data.GetType().Name}"),
            };
            var svg = Inlineable(plot.GetSvgXml(Width, height), chart.Id, height);
            return new RenderedChart(chart, svg, plot.GetImageBytes(Width, height, ImageFormat.Png));
        }
    }

    private static int Intervals(Plot plot, IntervalData data, string axis)
    {
        plot.XLabel(axis, 12);
        var rows = data.Rows;
        var positions = rows.Select((_, i) => (double)(rows.Count - 1 - i)).ToArray();
        var bars = rows.Select((r, i) => new Bar
        {
            Position = positions[i], Value = Finite(r.Mean), ValueBase = 0, Size = 0.7, Orientation = Orientation.Horizontal,
            FillColor = (data.Differences ? r.Lower > 0 ? Green : r.Upper < 0 ? Red : Grey : Blue).WithAlpha(0.85), LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars);
        var zeros = rows.Select(_ => 0.0).ToList();
        var whiskers = new ScottPlot.Plottables.ErrorBar(rows.Select(r => Finite(r.Mean)).ToList(), positions,
            rows.Select(r => Finite(r.Upper - r.Mean)).ToList(), rows.Select(r => Finite(r.Mean - r.Lower)).ToList(), zeros, zeros);
        plot.Add.Plottable(whiskers);
        whiskers.Color = Ink;
        whiskers.LineWidth = 1.5f;
        whiskers.CapSize = 6;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions,
            rows.Select(r => $"{r.Label} ({(data.Differences ? Signed(r.Mean) : F(r.Mean))})").ToArray());
        if (data.Differences)
        {
            var reach = Math.Max(1, rows.Max(r => Math.Max(Math.Abs(Finite(r.Lower)), Math.Abs(Finite(r.Upper))))) * 1.15;
            plot.Axes.SetLimitsX(-reach, reach);
            plot.Add.VerticalLine(0, 1, Ink);
        }
        else
        {
            plot.Axes.SetLimitsX(0, 100);
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(25);
        }
        plot.Axes.SetLimitsY(-0.6, rows.Count - 0.4);
        return Margin + Math.Max(2, rows.Count) * RowHeight;
    }

    /// <summary>Vertical boxes, one per group from left to right (ScottPlot 5.1 draws boxes vertically only).</summary>
    private static int Distributions(Plot plot, DistributionData data, string axis)
    {
        plot.YLabel(axis, 12);
        var groups = data.Groups;
        var boxes = new List<Box>();
        for (var i = 0; i < groups.Count; i++)
        {
            var sorted = groups[i].Values.Where(double.IsFinite).Order().ToArray();
            if (sorted.Length == 0) continue;
            boxes.Add(new Box
            {
                Position = i, Width = 0.6,
                BoxMin = Bootstrap.Quantile(sorted, 0.25), BoxMax = Bootstrap.Quantile(sorted, 0.75), BoxMiddle = Bootstrap.Quantile(sorted, 0.5),
                WhiskerMin = sorted[0], WhiskerMax = sorted[^1],
            });
        }
        var plottable = plot.Add.Boxes(boxes);
        plottable.FillColor = Blue.WithAlpha(0.6);
        plottable.LineColor = Ink;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            groups.Select((_, i) => (double)i).ToArray(), groups.Select(g => g.Label.Replace(' ', '\n')).ToArray()); // long names side by side
        plot.Axes.SetLimitsY(0, 100);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(25);
        plot.Axes.SetLimitsX(-0.6, groups.Count - 0.4);
        return 360;
    }

    private static int Histogram(Plot plot, HistogramData data, string axis)
    {
        plot.XLabel(axis, 12);
        var bins = (int)Math.Ceiling(100 / data.BinWidth);
        var counts = new int[bins];
        foreach (var value in data.Values.Where(double.IsFinite))
            counts[Math.Clamp((int)(value / data.BinWidth), 0, bins - 1)]++;
        plot.Add.Bars(counts.Select((c, b) => new Bar
        {
            Position = (b + 0.5) * data.BinWidth, Value = c, Size = data.BinWidth * 0.92, FillColor = Blue.WithAlpha(0.85), LineWidth = 0,
        }).ToList());
        plot.YLabel("cases", 12);
        plot.Axes.SetLimitsX(0, 100);
        plot.Axes.SetLimitsY(0, Math.Max(1, counts.Max()) * 1.1);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(10);
        return 320;
    }

    /// <summary>
    /// Makes Skia's SVG fit for inlining: no XML declaration, a viewBox (so CSS can scale it), element ids prefixed
    /// with the chart id (several charts share one page) and no trailing separators in glyph position lists.
    /// </summary>
    private static string Inlineable(string svg, string id, int height)
    {
        svg = XmlDeclaration().Replace(svg, "");
        svg = SvgOpen().Replace(svg, $"<svg viewBox=\"0 0 {Width} {height}\" ", 1);
        svg = svg.Replace("id=\"", $"id=\"{id}-").Replace("url(#", $"url(#{id}-").Replace("href=\"#", $"href=\"#{id}-");
        return TrailingSeparator().Replace(svg, "$1=\"$2\"");
    }

    private static bool LoadFonts()
    {
        var regular = Path.Combine(FontFolder, "DejaVuSans.ttf");
        if (!File.Exists(regular))
            throw new HarnessException($"charts need the DejaVu Sans font ({regular}); run 'bash tools/setup.sh' (installs fonts-dejavu-core)",
                ExitCodes.RuntimeUnavailable);
        Fonts.AddFontFile(FontName, regular, bold: false, italic: false);
        Fonts.AddFontFile(FontName, Path.Combine(FontFolder, "DejaVuSans-Bold.ttf"), bold: true, italic: false);
        return true;
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"<svg ")]
    private static partial Regex SvgOpen();

    [GeneratedRegex(@"\b(x|y)=""([^""]*?)[,\s]+""")]
    private static partial Regex TrailingSeparator();
}
