using System.Text.Json.Nodes;
using OmniContextEval.Suites.Loading;
using OmniContextEval.Suites.Validation;

namespace OmniContextEval.Suites.Tests.Validation;

/// <summary>One broken suite per error class; every message names the file, the case and the field.</summary>
public sealed class MalformedSuiteTests : IDisposable
{
    private readonly TempSuite _suite = new();

    public void Dispose() => _suite.Dispose();

    private ValidationIssue Single(JsonObject c)
    {
        _suite.WriteCase(c);
        var issues = SuiteLoader.Load(_suite.Folder).Issues;
        return Assert.Single(issues);
    }

    private static void Names(ValidationIssue issue, string field, string fragment)
    {
        Assert.Equal("case-1", issue.CaseId);
        Assert.Equal(field, issue.Field);
        Assert.Contains(fragment, issue.Message);
        Assert.Contains("cases/case-1.json: case case-1: " + field, issue.ToString());
    }

    [Fact]
    public void Valid_case_has_no_issues()
    {
        _suite.WriteCase(TempSuite.ValidCase());
        var result = SuiteLoader.Load(_suite.Folder);
        Assert.Empty(result.Issues);
        Assert.Equal(2, result.Suite.Images.Count);
    }

    [Fact]
    public void Missing_required_field()
    {
        var c = TempSuite.ValidCase();
        c.Remove("tier");
        Names(Single(c), "tier", "is required");
    }

    [Fact]
    public void Wrong_type()
    {
        var c = TempSuite.ValidCase();
        c["outputSize"]!["width"] = "512";
        Names(Single(c), "outputSize.width", "must be a number, found a string");
    }

    [Fact]
    public void Unknown_enum_value()
    {
        var c = TempSuite.ValidCase();
        c["subjects"]![0]!["kind"] = "animal";
        Names(Single(c), "subjects[0].kind", "'animal' is not one of character, object, scene");
    }

    [Fact]
    public void Unknown_member()
    {
        var c = TempSuite.ValidCase();
        c["checklist"]![0]!["weight"] = 2;
        Names(Single(c), "checklist[0].weight", "is not a member");
    }

    [Fact]
    public void Too_many_input_images()
    {
        var c = TempSuite.ValidCase();
        c["inputImages"] = new JsonArray("pool/characters/cat.png", "pool/objects/apple.png", "pool/objects/apple.png", "pool/objects/apple.png");
        Names(Single(c), "inputImages", "has 4 items; 1 to 3 allowed");
    }

    [Fact]
    public void Group_contradicts_subtask()
    {
        var c = TempSuite.ValidCase();
        c["group"] = "scene";
        Names(Single(c), "group", "does not match subtask single_character");
    }

    [Fact]
    public void Invalid_json_names_the_file()
    {
        _suite.WriteText("cases/broken.json", "{ \"id\": \"x\", ");
        var issue = Assert.Single(SuiteLoader.Load(_suite.Folder).Issues);
        Assert.Equal("cases/broken.json", issue.File);
        Assert.Contains("not valid JSON", issue.Message);
    }

    [Fact]
    public void Duplicate_ids()
    {
        _suite.WriteCase(TempSuite.ValidCase(), "cases/a.json");
        _suite.WriteCase(TempSuite.ValidCase(), "cases/b.json");
        var issue = Assert.Single(SuiteLoader.Load(_suite.Folder).Issues);
        Assert.Equal("cases/b.json", issue.File);
        Assert.Equal("id", issue.Field);
        Assert.Contains("duplicate id: also used by cases/a.json", issue.Message);
    }

    [Fact]
    public void Missing_image()
    {
        var c = TempSuite.ValidCase();
        c["inputImages"]![0] = "pool/characters/dog.png";
        Names(Single(c), "inputImages[0]", "'pool/characters/dog.png' is missing");
    }

    [Fact]
    public void Unreadable_image()
    {
        _suite.WriteText("pool/broken.png", "this is not a PNG file at all");
        var c = TempSuite.ValidCase();
        c["inputImages"]![0] = "pool/broken.png";
        c["subjects"]![0]!.AsObject().Remove("box");
        Names(Single(c), "inputImages[0]", "'pool/broken.png' is unreadable");
    }

    [Fact]
    public void Path_with_dot_dot_escapes()
    {
        var c = TempSuite.ValidCase();
        c["referenceImage"] = "references/../../outside.jpg";
        Names(Single(c), "referenceImage", "leaves the suite folder");
    }

    [Fact]
    public void Absolute_path_is_refused()
    {
        var c = TempSuite.ValidCase();
        c["inputImages"]![0] = "/etc/passwd";
        Names(Single(c), "inputImages[0]", "is absolute");
    }

    [Fact]
    public void Symlink_leading_outside_is_refused()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"omnictx-outside-{Guid.NewGuid():N}.png");
        File.Copy(Path.Combine(_suite.Folder, "pool/characters/cat.png"), outside);
        try
        {
            File.CreateSymbolicLink(Path.Combine(_suite.Folder, "pool/characters/escape.png"), outside);
            var c = TempSuite.ValidCase();
            c["inputImages"]![0] = "pool/characters/escape.png";
            Names(Single(c), "inputImages[0]", "through a symbolic link, outside the suite folder");
        }
        finally { File.Delete(outside); }
    }

    [Fact]
    public void Subject_points_at_missing_image()
    {
        var c = TempSuite.ValidCase();
        c["subjects"]![0]!["imageIndex"] = 2;
        var issues = SuiteLoader.Load(WriteAndGetFolder(c)).Issues;
        Names(issues.First(i => i.Field == "subjects[0].imageIndex"), "subjects[0].imageIndex", "points at input image 2, but the case has 1 input image");
    }

    [Fact]
    public void Box_outside_its_image()
    {
        var c = TempSuite.ValidCase();
        c["subjects"]![0]!["box"]!["width"] = 300;
        Names(Single(c), "subjects[0].box", "leaves input image 0 (256x256)");
    }

    [Fact]
    public void Reference_of_wrong_size()
    {
        var c = TempSuite.ValidCase();
        c["outputSize"] = new JsonObject { ["width"] = 1024, ["height"] = 1024 };
        Names(Single(c), "referenceImage", "is 512x512, but outputSize is 1024x1024");
    }

    private string WriteAndGetFolder(JsonObject c)
    {
        _suite.WriteCase(c);
        return _suite.Folder;
    }
}
