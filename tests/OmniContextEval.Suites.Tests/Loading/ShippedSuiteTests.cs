using OmniContextEval.Core.Cases;
using OmniContextEval.Suites.Loading;
using OmniContextEval.Suites.Tests.Validation;
using OmniContextEval.Suites.Validation;

namespace OmniContextEval.Suites.Tests.Loading;

/// <summary>The committed suite benchmark-cases/omnicontext-synth: complete, valid, in the published shape.</summary>
public sealed class ShippedSuiteTests
{
    private static readonly Lazy<SuiteLoadResult> Loaded = new(() => SuiteLoader.Load(TempSuite.Shipped));

    [Fact]
    public void Validates_with_400_cases_and_no_errors()
    {
        var result = Loaded.Value;
        Assert.Empty(result.Issues);
        Assert.Equal(400, result.Suite.Cases.Count);
        var counts = SuiteCounts.Of(result.Suite.Cases);
        foreach (var subtask in Enum.GetValues<Subtask>())
            Assert.Equal(50, counts.OfSubtask(subtask));
    }

    [Fact]
    public void Tier_mix_follows_the_seed_suite()
    {
        var byTier = Loaded.Value.Suite.Cases.GroupBy(c => c.Tier).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(120, byTier[DifficultyTier.Basic]);
        Assert.Equal(150, byTier[DifficultyTier.Intermediate]);
        Assert.Equal(80, byTier[DifficultyTier.Advanced]);
        Assert.Equal(50, byTier[DifficultyTier.Expert]);
    }

    [Theory]
    [InlineData(DifficultyTier.Basic, 25, 50)]
    [InlineData(DifficultyTier.Intermediate, 50, 100)]
    [InlineData(DifficultyTier.Advanced, 100, 200)]
    [InlineData(DifficultyTier.Expert, 200, int.MaxValue)]
    public void English_instruction_length_grows_with_tier(DifficultyTier tier, int minWords, int maxWords)
    {
        foreach (var c in Loaded.Value.Suite.Cases.Where(c => c.Tier == tier))
        {
            var words = c.EnglishInstruction.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.True(words >= minWords && words <= maxWords, $"{c.Id}: {words} words, expected {minWords}..{maxWords}");
            Assert.False(string.IsNullOrWhiteSpace(c.Instruction["zh"]), $"{c.Id}: no Chinese instruction");
        }
    }

    [Fact]
    public void Every_case_has_reference_subjects_keywords_and_checklist()
    {
        foreach (var c in Loaded.Value.Suite.Cases)
        {
            Assert.NotNull(c.ReferenceImage);
            Assert.Equal(new OutputSize(512, 512), c.OutputSize);
            Assert.NotEmpty(c.Keywords);
            Assert.Contains(c.Checklist, item => item.Kind == ChecklistKind.Object);
            Assert.All(c.Checklist, item => Assert.NotEmpty(item.Contrasts));
            Assert.All(c.Subjects.Where(s => s.Kind != SubjectKind.Scene), s => Assert.NotNull(s.Box));
            Assert.Equal(c.Subtask.ToString().StartsWith("Scene"), c.Subjects.Any(s => s.Kind == SubjectKind.Scene));
        }
    }

    [Fact]
    public void Input_images_are_shared_from_the_pool()
    {
        var cases = Loaded.Value.Suite.Cases;
        var inputs = cases.SelectMany(c => c.InputImages).ToList();
        Assert.All(inputs, p => Assert.StartsWith("pool/", p));
        Assert.True(inputs.Distinct().Count() < inputs.Count / 4, "pool images should be reused by many cases");
    }

    [Fact]
    public void Serializer_reproduces_the_case_files()
    {
        var suite = Loaded.Value.Suite;
        foreach (var c in suite.Cases.Where((_, i) => i % 40 == 0))
        {
            var file = Path.Combine(suite.Folder, "cases", SubtaskInfo.PublishedName(c.Subtask), c.Id + ".json");
            Assert.Equal(File.ReadAllText(file), CaseJson.Serialize(c));
        }
    }

    [Fact]
    public void Stays_under_30_megabytes()
    {
        var bytes = Directory.EnumerateFiles(TempSuite.Shipped, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.True(bytes < 30L * 1024 * 1024, $"suite is {bytes / 1048576.0:F1} MiB");
    }
}
