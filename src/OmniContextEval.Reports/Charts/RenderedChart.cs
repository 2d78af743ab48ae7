namespace OmniContextEval.Reports.Charts;

/// <summary>A chart drawn by <see cref="ChartRenderer"/>: SVG markup (no XML declaration) and PNG bytes.</summary>
public sealed record RenderedChart(Chart Chart, string Svg, byte[] Png)
{
    /// <summary>Writes charts/&lt;id&gt;.svg and .png under <paramref name="folder"/>; returns the PNG's path relative to it.</summary>
    public string WriteTo(string folder)
    {
        var png = $"charts/{Chart.Id}.png";
        Core.AtomicFile.WriteAllText(Path.Combine(folder, "charts", $"{Chart.Id}.svg"), Svg);
        Core.AtomicFile.WriteAllBytes(Path.Combine(folder, png), Png);
        return png;
    }
}
