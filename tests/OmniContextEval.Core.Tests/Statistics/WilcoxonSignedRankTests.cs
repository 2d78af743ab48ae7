using System.Text.Json;
using OmniContextEval.Core.Statistics;

namespace OmniContextEval.Core.Tests.Statistics;

public class WilcoxonSignedRankTests
{
    private sealed record FixtureCase(string Name, double[] Differences, double P);
    private sealed record Fixture(string Generator, FixtureCase[] Cases);

    public static TheoryData<string> CaseNames() => new(Load().Cases.Select(c => c.Name));

    private static Fixture Load() => JsonSerializer.Deserialize<Fixture>(
        File.ReadAllText(TestPaths.Fixture("statistics", "wilcoxon.json")), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    /// <summary>Expected p-values from scipy.stats.wilcoxon (tools/make-statistics-fixtures.py).</summary>
    [Theory, MemberData(nameof(CaseNames))]
    public void Matches_scipy(string name)
    {
        var expected = Load().Cases.Single(c => c.Name == name);
        Assert.Equal(expected.P, WilcoxonSignedRank.PValue(expected.Differences), 1e-9);
    }

    [Fact]
    public void All_zero_differences_give_one()
    {
        Assert.Equal(1, WilcoxonSignedRank.PValue([0, 0, 0]));
    }
}
