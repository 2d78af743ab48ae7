using System.Security.Cryptography;
using System.Text;
using OmniContextEval.Core.Scoring;

namespace OmniContextEval.Core.Tests.Scoring;

public class ScoringSpecLoaderTests
{
    private static string DefaultText() => Encoding.UTF8.GetString(ScoringSpecLoader.DefaultBytes());

    [Fact]
    public void The_built_in_specification_has_the_published_weights()
    {
        var spec = ScoringSpecLoader.Default();
        Assert.Equal(1, spec.Version);
        Assert.Equal([("semantic", 0.35), ("visual_quality", 0.25), ("instruction_following", 0.25), ("context_understanding", 0.15)],
            spec.Dimensions.Select(d => (d.Name, d.Weight)));
        var semantic = spec.Dimension("semantic").Metrics.ToDictionary(m => m.Name, m => m.Weight);
        Assert.Equal(0.30, semantic["clip_text_cosine"]);
        Assert.Equal(0.25, semantic["dino_cls_cosine"]);
        Assert.Equal(0.20, semantic["keyword_coverage"]);
        Assert.Equal(0.25, semantic["clip_image_cosine"]);
        Assert.Equal(ItemAggregation.MeanMin, spec.PerItem["dino_subject_match"]);
    }

    [Fact]
    public void The_hash_is_the_sha256_of_the_shipped_file()
    {
        var file = Path.Combine(TestPaths.RepoRoot, "src", "OmniContextEval.Core", "Scoring", "scoring-spec.v1.yaml");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), ScoringSpecLoader.Default().Sha256);
        Assert.Equal(ScoringSpecLoader.Default().Sha256, ScoringSpecLoader.Load(file).Sha256);
    }

    [Fact]
    public void Every_metric_name_has_a_normalisation()
    {
        var spec = ScoringSpecLoader.Default();
        foreach (var field in typeof(OmniContextEval.Core.Results.MetricNames).GetFields())
            Assert.True(spec.Normalisation.ContainsKey((string)field.GetValue(null)!), field.Name);
    }

    [Theory]
    [InlineData("version: 1", "version: 2", "field 'version' is 2")]
    [InlineData("    weight: 0.35", "    weight: 0.45", "field 'dimensions.*.weight' weights sum to 1.1")]
    [InlineData("kind: exp_decay, scale: 100.0", "kind: cubic, scale: 100.0", "field 'normalisation.fid.kind' is 'cubic'")]
    [InlineData("dino_subject_match: mean_min", "dino_subject_match: median", "field 'per_item.dino_subject_match' is 'median'")]
    [InlineData("      checklist: 1.0 ", "      checklist: 0.5 ", "dimensions.instruction_following.metrics")]
    [InlineData("  clip_text_cosine:  { kind: linear, worst: 0.10, best: 0.35 }", "", "field 'normalisation.clip_text_cosine' is missing")]
    public void Invalid_specifications_are_rejected_naming_the_field(string find, string replace, string message)
    {
        var text = DefaultText();
        Assert.Contains(find, text);
        var error = Assert.Throws<HarnessException>(() => ScoringSpecLoader.Parse(Encoding.UTF8.GetBytes(text.Replace(find, replace)), "test.yaml"));
        Assert.Contains("test.yaml", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Broken_yaml_names_the_line()
    {
        var error = Assert.Throws<HarnessException>(() => ScoringSpecLoader.Parse(Encoding.UTF8.GetBytes("version: 1\ndimensions: [unclosed\n"), "bad.yaml"));
        Assert.Contains("bad.yaml", error.Message);
        Assert.Contains("line", error.Message);
    }
}
