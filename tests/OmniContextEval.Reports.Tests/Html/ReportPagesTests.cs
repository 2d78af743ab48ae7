using System.Xml.Linq;
using OmniContextEval.Reports.Charts;
using OmniContextEval.Reports.Html;
using OmniContextEval.Reports.Results;
using OmniContextEval.Reports.Tests.Synthetic;

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
        Assert.Equal(new[] { "dimensions.svg", "distribution.svg", "groups.svg", "spread.svg", "subtasks.svg", "tiers.svg" },
            Directory.GetFiles(Path.Combine(folder, "charts")).Select(Path.GetFileName).Order());
        Assert.True(File.Exists(Path.Combine(folder, "summary.md")));
        var html = File.ReadAllText(index);
        Assert.Contains("vegaEmbed", html);          // vendored bundles are inlined
        Assert.DoesNotContain("<script src=", html);   // nothing is fetched
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
        var html = IndexPage.Render(results);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Fact]
    public void Svg_charts_are_well_formed_with_invariant_numbers_under_a_comma_culture()
    {
        var rows = new[] { new ChartRow("a <b> & c", 42.5, 40.25, 44.75, 16), new ChartRow("d", 10, 5, 15, 16) };
        var svg = Snapshot.Under(Snapshot.CommaCulture(), () => SvgCharts.IntervalBars("title", rows));
        var document = XDocument.Parse(svg);
        Assert.Equal("svg", document.Root!.Name.LocalName);
        Assert.Contains("42.5", svg);
        Assert.DoesNotContain("42,5", svg);
        Assert.Contains("a &lt;b&gt; &amp; c", svg);
        XDocument.Parse(Snapshot.Under(Snapshot.CommaCulture(), () => SvgCharts.Histogram("h", [1.5, 99, 50, 50])));
        var box = Snapshot.Under(Snapshot.CommaCulture(), () => SvgCharts.BoxPlots("b", [("x", [10.5, 20, 30, 40])]));
        XDocument.Parse(box);
        Assert.DoesNotContain(",5", box);
    }

    [Fact]
    public void Vega_lite_specifications_cannot_close_their_script_element()
    {
        var spec = VegaLiteCharts.IntervalBars("</script><script>alert(1)</script>", [new ChartRow("</script>", 1, 0, 2, 3)]);
        Assert.DoesNotContain("</script>", spec);
        Assert.DoesNotContain("<", spec);
    }
}
