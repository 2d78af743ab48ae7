using System.Text;
using OmniContextEval.Core.Catalogue;
using OmniContextEval.Core.Scoring;

namespace OmniContextEval.Core.Tests.Scoring;

/// <summary>The specification checked against a metric catalogue (in the harness: the Metrics project's registry).</summary>
public class SpecCatalogueCheckTests
{
    private sealed class Catalogue(params MetricInfo[] metrics) : IMetricCatalogue
    {
        public IReadOnlyList<MetricInfo> Metrics { get; } = metrics;
    }

    private static MetricInfo Case(string name, MetricDirection direction = MetricDirection.HigherIsBetter) =>
        new(name, "-", direction, [], "1", "none", "");

    /// <summary>Every metric of the shipped specification, with the directions its normalisations imply.</summary>
    private static readonly Catalogue Known = new(
        Case("clip_text_cosine"), Case("clip_image_cosine"), Case("dino_cls_cosine"), Case("dino_subject_match"),
        Case("keyword_coverage"), Case("checklist"), Case("lpips_reference", MetricDirection.LowerIsBetter),
        Case("psnr_reference"), Case("ssim_reference"),
        Case("fid", MetricDirection.LowerIsBetter) with { Level = MetricLevel.Set },
        Case("kid", MetricDirection.LowerIsBetter) with { Level = MetricLevel.Set });

    private static string DefaultText() => Encoding.UTF8.GetString(ScoringSpecLoader.DefaultBytes());

    [Fact]
    public void The_shipped_specification_passes()
    {
        Assert.Equal(ScoringSpecLoader.Default().Sha256, ScoringSpecLoader.Default(Known).Sha256);
    }

    [Theory]
    [InlineData("      clip_text_cosine: 0.30", "      clip_txt_cosine: 0.30", "field 'dimensions.semantic.metrics.clip_txt_cosine' names an unknown metric; known metrics: clip_text_cosine, clip_image_cosine")]
    [InlineData("  checklist: mean\n", "  checklst: mean\n", "field 'per_item.checklst' names an unknown metric")]
    [InlineData("    fid: 0.5", "    checklist: 0.5", "field 'set_level.metrics.checklist' is a case-level metric")]
    [InlineData("{ kind: linear, worst: 0.80, best: 0.00 }", "{ kind: linear, worst: 0.00, best: 0.80 }", "field 'normalisation.lpips_reference' scores higher values higher, but lower values")]
    [InlineData("{ kind: linear, worst: 8.0,  best: 35.0 }", "{ kind: exp_decay, scale: 10.0 }", "field 'normalisation.psnr_reference' scores lower values higher, but higher values")]
    public void Unknown_names_and_wrong_directions_are_rejected(string find, string replace, string message)
    {
        var text = DefaultText();
        Assert.Contains(find, text);
        var bytes = Encoding.UTF8.GetBytes(text.Replace(find, replace));
        var error = Assert.Throws<HarnessException>(() => ScoringSpecLoader.Parse(bytes, "test.yaml", Known));
        Assert.Contains("test.yaml", error.Message);
        Assert.Contains(message, error.Message);
    }
}
