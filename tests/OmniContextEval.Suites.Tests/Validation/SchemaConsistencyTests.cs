using System.Text.Json.Nodes;
using OmniContextEval.Core.Cases;
using OmniContextEval.Suites.Loading;

namespace OmniContextEval.Suites.Tests.Validation;

/// <summary>benchmark-cases/case.schema.json and the validator agree: required members, enums, version.</summary>
public sealed class SchemaConsistencyTests : IDisposable
{
    private static readonly JsonNode Schema =
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "benchmark-cases", "case.schema.json")))!;

    private readonly TempSuite _suite = new();

    public void Dispose() => _suite.Dispose();

    public static TheoryData<string> RequiredMembers() => new(Schema["required"]!.AsArray().Select(n => n!.GetValue<string>()));

    [Theory]
    [MemberData(nameof(RequiredMembers))]
    public void Each_required_member_is_enforced(string member)
    {
        var c = TempSuite.ValidCase();
        c.Remove(member);
        _suite.WriteCase(c);
        var issues = SuiteLoader.Load(_suite.Folder).Issues;
        Assert.Contains(issues, i => i.Field == member && i.Message == "is required");
    }

    [Fact]
    public void Enums_match_the_model()
    {
        var properties = Schema["properties"]!;
        Assert.Equal(Enum.GetValues<Subtask>().Select(SubtaskInfo.PublishedName), Values(properties["subtask"]!["enum"]!));
        Assert.Equal(["basic", "intermediate", "advanced", "expert"], Values(properties["tier"]!["enum"]!));
        Assert.Equal(BenchmarkCase.CurrentFormatVersion, properties["formatVersion"]!["const"]!.GetValue<int>());
        var checklistKinds = properties["checklist"]!["items"]!["properties"]!["kind"]!["enum"]!;
        Assert.Equal(Enum.GetNames<ChecklistKind>().Select(n => n.ToLowerInvariant()), Values(checklistKinds));
    }

    [Fact]
    public void Duplicate_ids_are_found_even_when_a_file_is_malformed()
    {
        var broken = TempSuite.ValidCase();
        broken.Remove("tier");
        _suite.WriteCase(TempSuite.ValidCase(), "cases/a.json");
        _suite.WriteCase(broken, "cases/b.json");
        var issues = SuiteLoader.Load(_suite.Folder).Issues;
        Assert.Contains(issues, i => i.File == "cases/b.json" && i.Field == "id" && i.Message.Contains("duplicate id"));
        Assert.Contains(issues, i => i.File == "cases/b.json" && i.Field == "tier");
    }

    private static IEnumerable<string> Values(JsonNode array) => array.AsArray().Select(n => n!.GetValue<string>());
}
