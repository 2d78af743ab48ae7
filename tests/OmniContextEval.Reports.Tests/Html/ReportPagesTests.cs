using System.Xml.Linq;
using OmniContextEval.Reports.Charts;
using OmniContextEval.Reports.Html;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Reports.Tests.Html;

public class ReportPagesTests
{
    [Fact]
    public void Report_folder_has_every_page_chart_and_summary()
    {
        using var temp = new TempFolder();
        var run = SyntheticScoring.ScoredRun(temp, "run", 0);
        var index = ReportBuilder.Write(run, Path.Combine(temp.Path, "report"));
        var folder = Path.GetDirectoryName(index)!;
        Assert.Equal(16, Directory.GetFiles(Path.Combine(folder, "cases"), "*.html").Length);
        Assert.Equal(new[] { "dimensions", "distribution", "groups", "seeds", "spread", "subtasks", "tiers" }.SelectMany(c => new[] { $"{c}.png", $"{c}.svg" }),
            Directory.GetFiles(Path.Combine(folder, "charts")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(folder, "summary.md")));
        var html = File.ReadAllText(index);
        Assert.Contains("<figure class=\"chart\" id=\"chart-dimensions\" aria-label=\"Total and dimensions\"><svg ", html); // SVG inlined
        Assert.DoesNotContain("<script src=", html);   // nothing is fetched
        Assert.True(html.Length < 400_000, $"index.html is {html.Length} characters"); // no chart library inlined
        var summary = File.ReadAllText(Path.Combine(folder, "summary.md"));
        Assert.Contains("![Total and dimensions](charts/dimensions.png)", summary);
    }

    [Fact]
    public void A_case_id_that_is_a_path_is_rejected()
    {
        using var temp = new TempFolder();
        var run = SyntheticScoring.ScoredRun(temp, "run", 0);
        var results = ResultsReader.Read(run);
        results = results with { Cases = [results.Cases[0] with { CaseId = "../escape" }, .. results.Cases.Skip(1)] };
        var error = Assert.Throws<Core.HarnessException>(() => ReportBuilder.Write(results, ResultsReader.ReadScores(run), Path.Combine(temp.Path, "r")));
        Assert.Contains("../escape", error.Message);
    }

    [Fact]
    public void Markup_in_an_instruction_is_escaped_on_the_case_page()
    {
        using var temp = new TempFolder();
        var run = SyntheticScoring.ScoredRun(temp, "run", 0);
        var results = ResultsReader.Read(run);
        var scores = ResultsReader.ReadScores(run);
        var page = CasePage.Render(results.Cases.Single(c => c.CaseId == "case003"), results.Details.Single(d => d.CaseId == "case003"),
            scores.Where(s => s.CaseId == "case003").ToList(), temp.Path);
        Assert.DoesNotContain("<script>alert", page);
        Assert.Contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;", page);
        Assert.Contains("&lt;b&gt;red&lt;/b&gt; chair &amp; smile", page);
    }

    [Fact]
    public void A_run_id_with_markup_is_escaped_on_the_overview()
    {
        using var temp = new TempFolder();
        var results = ResultsReader.Read(SyntheticScoring.ScoredRun(temp, "run", 0)) with { RunId = "<img src=x onerror=alert(1)>" };
        var html = IndexPage.Render(results, []);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Fact]
    public void ScottPlot_draws_every_kind_of_chart_as_well_formed_svg_and_png_under_a_comma_culture()
    {
        var rows = new[] { new ChartRow("a <b> & c", 42.5, 40.25, 44.75, 16), new ChartRow("d", -10, -15, 5, 16) };
        Chart[] charts =
        [
            new("bars", "title <x>", "score", new IntervalData(rows)),
            new("diffs", "differences", "points", new IntervalData(rows, Differences: true)),
            new("hist", "histogram", "total", new HistogramData([1.5, 99, 50, 50])),
            new("boxes", "boxes", "score", new DistributionData([new ValueGroup("x", [10.5, 20, 30, 40]), new ValueGroup("empty", [])])),
        ];
        foreach (var chart in charts)
        {
            var drawn = Snapshot.Under(Snapshot.CommaCulture(), () => ChartRenderer.Render(chart));
            var document = XDocument.Parse(drawn.Svg);
            Assert.Equal("svg", document.Root!.Name.LocalName);
            Assert.NotNull(document.Root.Attribute("viewBox"));
            Assert.All(document.Descendants().Select(e => e.Attribute("id")?.Value).OfType<string>(), id => Assert.StartsWith($"{chart.Id}-", id));
            Assert.Contains("DejaVu Sans", drawn.Svg);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], drawn.Png.Take(4));
        }
        var bars = XDocument.Parse(Snapshot.Under(Snapshot.CommaCulture(), () => ChartRenderer.Render(charts[0])).Svg);
        var text = string.Join("|", bars.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        Assert.Contains("a <b> & c (42.5)", text);
        Assert.DoesNotContain("42,5", text);
    }

    [Fact]
    public void The_overview_inlines_svg_charts_and_loads_no_script_library()
    {
        using var temp = new TempFolder();
        var run = SyntheticScoring.ScoredRun(temp, "run", 0);
        var results = ResultsReader.Read(run);
        var charts = ReportCharts.All(results, ResultsReader.ReadScores(run)).Select(ChartRenderer.Render).ToList();
        Assert.Equal(["dimensions", "subtasks", "groups", "tiers", "spread", "distribution", "seeds"], charts.Select(c => c.Chart.Id));
        var html = IndexPage.Render(results, charts);
        Assert.Equal(charts.Count, html.Split("<figure class=\"chart\"").Length - 1);
        Assert.DoesNotContain("<script src", html);
        Assert.DoesNotContain("vega", html, StringComparison.OrdinalIgnoreCase);
    }
}
