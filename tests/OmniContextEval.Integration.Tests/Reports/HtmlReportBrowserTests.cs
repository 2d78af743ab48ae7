using Microsoft.Playwright;
using Xunit.Abstractions;

namespace OmniContextEval.Integration.Tests.Reports;

/// <summary>
/// Opens the HTML report in Debian's Chromium (tools/setup.sh --tests installs it) through Playwright: every chart
/// is there as inlined SVG, the console stays clean, drill-down links work and markup in instructions is shown as text.
/// </summary>
public sealed class HtmlReportBrowserTests(SyntheticReport report, ITestOutputHelper output) : IClassFixture<SyntheticReport>
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string[] Charts = ["dimensions", "subtasks", "groups", "tiers", "spread", "distribution", "seeds"];

    private static async Task<(IPlaywright, IBrowser)> Launch()
    {
        if (!File.Exists(Chromium)) Assert.Fail($"{Chromium} is missing: run 'bash tools/setup.sh --tests'");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    [Fact]
    public async Task Overview_renders_every_chart_without_console_errors_and_drills_down()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(120_000); // the test projects run in parallel: a loaded CI machine needs more than 30 s
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") errors.Add($"{message.Type}: {message.Text}"); };
        page.PageError += (_, error) => errors.Add($"page error: {error}");

        await page.GotoAsync(new Uri(report.Index).AbsoluteUri);
        // ScottPlot's charts are inlined as SVG: present without any script, each with drawn marks and text.
        var charts = page.Locator("figure.chart > svg");
        Assert.Equal(Charts.Length, await charts.CountAsync());
        for (var i = 0; i < Charts.Length; i++)
        {
            var chart = charts.Nth(i);
            Assert.True(await chart.IsVisibleAsync(), $"chart {Charts[i]} is not visible");
            Assert.True(await chart.Locator("path, rect").CountAsync() > 2, $"chart {Charts[i]} drew no marks");
            Assert.True(await chart.Locator("text").CountAsync() > 0, $"chart {Charts[i]} has no text");
        }
        Assert.Equal(0, await page.Locator("script[src]").CountAsync());
        Assert.Equal(16, await page.Locator("#cases tbody tr").CountAsync());

        await page.FillAsync("#filter", "case003");
        Assert.Equal(1, await page.Locator("#cases tbody tr:visible").CountAsync());
        await page.FillAsync("#filter", "");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("report-index.png"), FullPage = true });
        Assert.Empty(errors);

        await page.ClickAsync("#cases a[href='cases/case003.html']");
        await page.WaitForURLAsync("**/cases/case003.html");
        Assert.Equal(SyntheticRun.ScriptInstruction, await page.Locator("#instruction").TextContentAsync());
        Assert.Equal(0, await page.Locator("#instruction script, #instruction b").CountAsync());
        var images = page.Locator("figure img");
        Assert.True(await images.CountAsync() >= 4);
        for (var i = 0; i < await images.CountAsync(); i++)
            Assert.True(await images.Nth(i).EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), $"image {i} did not load");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("report-case.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Static_svg_charts_open_in_the_browser()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1320, Height = 300 } });
        page.SetDefaultTimeout(120_000); // the test projects run in parallel: a loaded CI machine needs more than 30 s
        var charts = Charts.SelectMany(c => new[] { $"{c}.svg", $"{c}.png" }).ToArray();
        var preview = Path.Combine(Path.GetDirectoryName(report.Index)!, "svg-preview.html");
        File.WriteAllText(preview, "<!DOCTYPE html><html><body style=\"margin:0;background:#fff\">" +
            string.Concat(charts.Select(c => $"<img src=\"charts/{c}\">")) + "</body></html>");
        await page.GotoAsync(new Uri(preview).AbsoluteUri);
        var images = page.Locator("img");
        for (var i = 0; i < charts.Length; i++)
            Assert.True(await images.Nth(i).EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), charts[i]);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("svg-charts.png"), FullPage = true });
    }

    [Fact]
    public async Task Sorting_the_table_by_total_orders_rows()
    {
        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(120_000); // the test projects run in parallel: a loaded CI machine needs more than 30 s
        await page.GotoAsync(new Uri(report.Index).AbsoluteUri);
        await page.ClickAsync("#cases th:text('total')");
        var totals = await page.Locator("#cases tbody tr td:nth-child(4)").EvaluateAllAsync<double[]>("cells => cells.map(c => parseFloat(c.dataset.value))");
        Assert.Equal(totals.Order(), totals);
    }

    [Fact]
    public async Task Leaderboard_page_shows_ranks_and_ties()
    {
        using var temp = new TempFolder();
        var settings = Core.Scoring.ScoringSpecLoader.Default().Statistics;
        var runs = new[] { ("model-a", 0.1, 1UL), ("model-b", 0.1, 2UL), ("model-c", -0.15, 3UL) }
            .Select(r => OmniContextEval.Reports.Results.ResultsReader.Read(SyntheticScoring.ScoredRun(temp, r.Item1, r.Item2, noiseSeed: r.Item3))).ToList();
        var page = Path.Combine(temp.Path, "leaderboard.html");
        File.WriteAllText(page, OmniContextEval.Reports.Comparison.LeaderboardExport.Html(OmniContextEval.Reports.Comparison.Leaderboard.Rank(runs, settings)));

        var (playwright, browser) = await Launch();
        using var _ = playwright;
        await using var __ = browser;
        var tab = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 400 } });
        tab.SetDefaultTimeout(120_000); // the test projects run in parallel: a loaded CI machine needs more than 30 s
        var errors = new List<string>();
        tab.Console += (_, message) => { if (message.Type is "error" or "warning") errors.Add(message.Text); };
        await tab.GotoAsync(new Uri(page).AbsoluteUri);
        Assert.Equal(["1", "=1", "3"], await tab.Locator("tbody tr td:first-child").AllTextContentsAsync());
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("leaderboard.png"), FullPage = true });
        Assert.Empty(errors);
    }

    private string ScreenshotPath(string name)
    {
        var folder = Path.Combine(Testing.TestPaths.RepoRoot, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        output.WriteLine($"screenshot: {path}");
        return path;
    }
}
