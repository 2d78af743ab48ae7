using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Results;
using OmniContextEval.Imaging.Codecs;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Measuring;
using OmniContextEval.Metrics.Tests.Support;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Tests.Measuring;

public class CaseMeasurerTests
{
    private static (BenchmarkCase Case, string Suite) WriteCase()
    {
        var suite = TestPaths.NewTempDir("omnictx-suite");
        PngEncoder.Write(Path.Combine(suite, "in0.png"), TestImages.Noise(1, 120, 90));
        PngEncoder.Write(Path.Combine(suite, "in1.png"), TestImages.Noise(2, 80, 100));
        PngEncoder.Write(Path.Combine(suite, "other.png"), TestImages.Noise(3, 100, 100));
        var c = new BenchmarkCase
        {
            Id = "multi_object_0001",
            Subtask = Subtask.MultiObject,
            Tier = DifficultyTier.Basic,
            Instruction = new Dictionary<string, string> { ["en"] = "Put the teapot from image 1 on the table of image 2." },
            InputImages = ["in0.png", "in1.png"],
            Subjects = [new Subject("teapot", SubjectKind.Object, 0, new PixelBox(10, 10, 60, 50)), new Subject("table", SubjectKind.Object, 1)],
            Keywords = ["teapot", "table"],
            Checklist = [new ChecklistItem(ChecklistKind.Spatial, "a teapot on a table", ["a teapot under a table", "a table without a teapot"])],
            OutputSize = new OutputSize(256, 256),
        };
        return (c, suite);
    }

    private static async Task<RawCaseMetrics> Score(string modelsFolder, string output, FeatureCache? cache = null)
    {
        var (c, suite) = WriteCase();
        using var pool = new ModelSessionPool(ModelRegistry.Open(modelsFolder), new SessionSettings(IntraOpThreads: 2));
        var scorer = new CaseMeasurer(ScoringModels.Load(pool, cache));
        return Assert.Single((await scorer.MeasureAsync([new ScoringRequest(c, suite, output is "in0" or "other" ? Path.Combine(suite, output + ".png") : output, 3)])).Raw);
    }

    [SharedDataFact]
    public async Task An_output_that_copies_an_input_is_flagged_and_every_network_metric_is_computed()
    {
        var result = await Score(TestImages.TinyModelsWithVocabulary(), "in0");
        Assert.Equal(["copy_detected:input0"], result.Flags);
        foreach (var name in new[] { MetricNames.ClipText, MetricNames.ClipImage, MetricNames.DinoGlobal, MetricNames.DinoSubjects, MetricNames.KeywordCoverage, MetricNames.Checklist })
            Assert.True(result.Metrics.ContainsKey(name), $"{name} missing: {result.NotComputed.GetValueOrDefault(name)}");
        // The copied input is one of two, so the mean global cosine includes an exact 1.
        Assert.Equal(2, result.PerItem[MetricNames.DinoSubjects].Count);
        Assert.Equal(1.0, result.PerItem[MetricNames.DinoSubjects][0], 6);
        Assert.Equal(2, result.PerItem[MetricNames.KeywordCoverage].Count);
        Assert.InRange(result.Metrics[MetricNames.Checklist], 0, 1);
        Assert.Equal("case has no reference image", result.NotComputed[MetricNames.LpipsReference]);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task Without_the_vocabulary_text_metrics_are_not_computed_with_the_reason()
    {
        var result = await Score(TestImages.TinyModels, "other");
        Assert.Empty(result.Flags);
        Assert.Contains("CLIP vocabulary", result.NotComputed[MetricNames.ClipText]);
        Assert.Contains("CLIP vocabulary", result.NotComputed[MetricNames.Checklist]);
        Assert.True(result.Metrics.ContainsKey(MetricNames.DinoGlobal));
        Assert.True(result.Metrics.ContainsKey(MetricNames.ClipImage));
    }

    [Fact]
    public async Task A_missing_model_is_named_as_the_reason()
    {
        var folder = TestPaths.NewTempDir("omnictx-models");
        foreach (var file in Directory.GetFiles(TestImages.TinyModels).Where(f => !f.EndsWith("dinov2-vits14.onnx")))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var manifest = ModelManifest.Load(folder);
        File.WriteAllText(Path.Combine(folder, ModelManifest.FileName), System.Text.Json.JsonSerializer.Serialize(
            manifest with { Models = manifest.Models.Where(m => m.Name != "dinov2-vits14").ToList() }, Core.JsonOptions.Indented));
        var result = await Score(folder, "other");
        Assert.Contains("model 'dinov2-vits14' is not in", result.NotComputed[MetricNames.DinoGlobal]);
        Assert.Contains("model 'dinov2-vits14' is not in", result.NotComputed[MetricNames.DinoSubjects]);
        Assert.True(result.Metrics.ContainsKey(MetricNames.ClipImage));
    }

    [Fact]
    public async Task An_unreadable_output_is_a_recorded_error_not_a_crash()
    {
        var result = await Score(TestImages.TinyModels, "/nonexistent/output.png");
        Assert.Contains("/nonexistent/output.png", result.Error);
        Assert.False(result.Metrics.ContainsKey(MetricNames.DinoGlobal));
        Assert.Contains("output image has no", result.NotComputed[MetricNames.DinoGlobal]);
    }

    [Fact]
    public async Task Rescoring_from_the_cache_gives_identical_values()
    {
        var cachePath = Path.Combine(TestPaths.NewTempDir(), "features.db");
        using var cache = FeatureCache.Open(cachePath);
        var first = await Score(TestImages.TinyModels, "other", cache);
        var second = await Score(TestImages.TinyModels, "other", cache);
        Assert.Equal(first.Metrics[MetricNames.DinoGlobal], second.Metrics[MetricNames.DinoGlobal]);
        Assert.Equal(first.Metrics[MetricNames.ClipImage], second.Metrics[MetricNames.ClipImage]);
    }

    [Fact]
    public async Task Reference_metrics_are_computed_once_and_a_rescore_runs_no_network_and_decodes_nothing()
    {
        var (c, suite) = WriteCase();
        PngEncoder.Write(Path.Combine(suite, "ref.png"), TestImages.Noise(4, 100, 100));
        c = c with { ReferenceImage = "ref.png" };
        using var pool = new ModelSessionPool(ModelRegistry.Open(TestImages.TinyModels), new SessionSettings(IntraOpThreads: 2));
        using var cache = FeatureCache.Open(Path.Combine(TestPaths.NewTempDir(), "features.db"));
        // seed 0: same size as the reference; seed 1: 120x90, resized to it first
        ScoringRequest[] requests = [new(c, suite, Path.Combine(suite, "other.png"), 0), new(c, suite, Path.Combine(suite, "in0.png"), 1)];
        var first = await new CaseMeasurer(ScoringModels.Load(pool, cache)).MeasureAsync(requests);
        foreach (var raw in first.Raw)
            foreach (var name in new[] { MetricNames.PsnrReference, MetricNames.SsimReference, MetricNames.LpipsReference })
                Assert.True(raw.Metrics.ContainsKey(name), $"{name}: {raw.NotComputed.GetValueOrDefault(name)}");
        Assert.InRange(first.Raw[0].Metrics[MetricNames.SsimReference], -1, 0.99); // different images

        var second = await new CaseMeasurer(ScoringModels.Load(pool, cache)).MeasureAsync(requests);
        Assert.All(second.Timings.Where(t => t.Name.Contains("vit") || t.Name.Contains("lpips") || t.Name.Contains("inception")),
            t => Assert.Equal(0, t.Computed));
        for (var i = 0; i < 2; i++)
            Assert.Equal(first.Raw[i].Metrics, second.Raw[i].Metrics);
    }
}
