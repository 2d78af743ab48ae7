using OmniContextEval.Core;
using OmniContextEval.Core.Catalogue;
using OmniContextEval.Core.Results;
using ScoringSpecLoader = OmniContextEval.Core.Scoring.ScoringSpecLoader;
using OmniContextEval.Metrics.Registry;
using OmniContextEval.Metrics.Measuring;
using OmniContextEval.Metrics.Tests.Support;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;
using OmniContextEval.Testing;

namespace OmniContextEval.Metrics.Tests.Registry;

public class MetricRegistryTests
{
    [Fact]
    public void The_default_registry_declares_every_metric_of_the_results_in_their_order()
    {
        Assert.Equal([MetricNames.ClipText, MetricNames.ClipImage, MetricNames.DinoGlobal, MetricNames.DinoSubjects, MetricNames.KeywordCoverage,
            MetricNames.Checklist, MetricNames.LpipsReference, MetricNames.PsnrReference, MetricNames.SsimReference, SetMetricNames.Fid, SetMetricNames.Kid],
            MetricRegistry.Default.Metrics.Select(m => m.Name));
        Assert.Equal(MetricDirection.LowerIsBetter, MetricRegistry.Default.Get(MetricNames.LpipsReference).Direction);
        Assert.Equal(MetricLevel.Set, MetricRegistry.Default.Get(SetMetricNames.Fid).Level);
        Assert.All(MetricRegistry.Default.Metrics, m => Assert.False(string.IsNullOrEmpty(m.Unit + m.Version + m.Aggregation)));
    }

    [Fact]
    public void Unknown_metric_and_network_names_are_rejected_with_the_known_ones()
    {
        var metric = Assert.Throws<HarnessException>(() => MetricRegistry.Default.Get("clip_txt_cosine"));
        Assert.Contains("unknown metric 'clip_txt_cosine'", metric.Message);
        Assert.Contains(MetricNames.ClipText, metric.Message);
        var network = Assert.Throws<HarnessException>(() => NetworkRegistry.Default.Get("clip-vit-l14"));
        Assert.Contains(ScoringModelNames.DinoV2, network.Message);
        var input = Assert.Throws<HarnessException>(() => new MetricRegistry().Add(new NeedsAnUnknownNetwork()));
        Assert.Contains("unknown network 'no-such-net'", input.Message);
        Assert.Throws<ArgumentException>(() => MetricRegistry.CreateDefault().Add(new InstructionLength()).Add(new InstructionLength()));
    }

    [Fact]
    public void The_shipped_specification_agrees_with_the_registry()
    {
        var spec = ScoringSpecLoader.Default(MetricRegistry.Default);
        Assert.All(spec.Normalisation.Keys, name => MetricRegistry.Default.Get(name));
    }

    [Fact]
    public async Task A_metric_added_by_one_file_and_one_registration_is_in_the_results()
    {
        var suite = TestPaths.NewTempDir("omnictx-suite");
        Imaging.Codecs.PngEncoder.Write(Path.Combine(suite, "in0.png"), TestImages.Noise(1, 64, 48));
        Imaging.Codecs.PngEncoder.Write(Path.Combine(suite, "out.png"), TestImages.Noise(2, 64, 48));
        var c = new Core.Cases.BenchmarkCase
        {
            Id = "single_object_0001",
            Subtask = Core.Cases.Subtask.SingleObject,
            Tier = Core.Cases.DifficultyTier.Basic,
            Instruction = new Dictionary<string, string> { ["en"] = "Put the cup on a table." },
            InputImages = ["in0.png"],
            Subjects = [],
            OutputSize = new Core.Cases.OutputSize(64, 48),
        };
        var registry = MetricRegistry.CreateDefault().Add(new InstructionLength());
        using var pool = new ModelSessionPool(ModelRegistry.Open(TestImages.TinyModels), new SessionSettings(IntraOpThreads: 2));

        var scored = await new CaseMeasurer(ScoringModels.Load(pool, null), metrics: registry)
            .MeasureAsync([new ScoringRequest(c, suite, Path.Combine(suite, "out.png"), 0), new ScoringRequest(c, suite, null, 1, GenerationStatus.Failed)]);

        Assert.Equal("Put the cup on a table.".Length, scored.Raw[0].Metrics["instruction_length"]);
        Assert.Equal("instruction_length", scored.Raw[0].Metrics.Keys.Last());
        Assert.StartsWith("no output image", scored.Raw[1].NotComputed["instruction_length"]);
        Assert.True(scored.Raw[0].Metrics.ContainsKey(MetricNames.DinoGlobal)); // the built-in metrics are unchanged beside it
    }

    private sealed class NeedsAnUnknownNetwork : ICaseMetric
    {
        public MetricInfo Info { get; } = new("needs_unknown", "-", MetricDirection.HigherIsBetter, [MetricInputs.Network("no-such-net")], "1", "none", "");

        public MetricOutcome Compute(CaseMetricContext context) => MetricOutcome.NotComputed("never");
    }
}
