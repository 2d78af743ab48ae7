using System.Text;
using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Results;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Core.Statistics;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Codecs;
using OmniContextEval.Metrics.Measuring;
using OmniContextEval.Metrics.Registry;
using OmniContextEval.Metrics.Tests.Registry;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;
using OmniContextEval.Reports.Html;
using OmniContextEval.Reports.Results;
using OmniContextEval.Testing;

namespace OmniContextEval.Integration.Tests.Reports;

/// <summary>
/// A metric added by one file and one registration (the toy <see cref="InstructionLength"/>), followed from the
/// registry through measuring and a specification that scores it to the case page.
/// </summary>
public class ToyMetricReportTests
{
    [Fact]
    public async Task A_registered_toy_metric_is_measured_scored_and_shown_on_the_case_page()
    {
        var suite = TestPaths.NewTempDir("omnictx-toy");
        var random = new Random(3);
        foreach (var name in new[] { "in0.png", "out.png" })
        {
            var image = new RgbImage(64, 48);
            random.NextBytes(image.Pixels);
            PngEncoder.Write(Path.Combine(suite, name), image);
        }
        var c = new BenchmarkCase
        {
            Id = "single_object_0001", Subtask = Subtask.SingleObject, Tier = DifficultyTier.Basic,
            Instruction = new Dictionary<string, string> { ["en"] = "Put the cup on a table." },
            InputImages = ["in0.png"], Subjects = [], OutputSize = new OutputSize(64, 48),
        };
        var registry = MetricRegistry.CreateDefault().Add(new InstructionLength());
        using var pool = new ModelSessionPool(ModelRegistry.Open(TestPaths.Fixture("models")), new SessionSettings(IntraOpThreads: 2));
        var measured = await new CaseMeasurer(ScoringModels.Load(pool, null), metrics: registry)
            .MeasureAsync([new ScoringRequest(c, suite, Path.Combine(suite, "out.png"), 0)]);

        // The specification scores it beside the checklist; the registry validates the name and its direction.
        var yaml = Encoding.UTF8.GetString(ScoringSpecLoader.DefaultBytes())
            .Replace("      checklist: 1.0", "      checklist: 0.5\n      instruction_length: 0.5")
            .Replace("normalisation:\n", "normalisation:\n  instruction_length: { kind: linear, worst: 200, best: 0 }\n");
        var spec = ScoringSpecLoader.Parse(Encoding.UTF8.GetBytes(yaml), "toy spec", registry);
        var score = new CaseScorer(spec, SetLevelScore.From(spec, SetLevelMetrics.None("no references"))).Score(measured.Raw[0], caseHasReference: false);

        var toy = Assert.Single(score.Metrics, m => m.Name == "instruction_length");
        Assert.Equal("Put the cup on a table.".Length, toy.Raw);
        Assert.Equal(100 * (200 - 23) / 200.0, toy.Score, 9);
        var page = CasePage.Render(
            new CaseSummary(c.Id, c.Subtask, TaskGroup.Single, c.Tier, 1, 0, 0, score.Total, 0, new Dictionary<string, double>(), true, []),
            new CaseDetails(c.Id, c.EnglishInstruction, [Path.Combine(suite, "in0.png")], null,
                new Dictionary<string, string?> { ["0"] = Path.Combine(suite, "out.png") }, []),
            [score], suite);
        Assert.Contains("instruction_length", page);
    }
}
