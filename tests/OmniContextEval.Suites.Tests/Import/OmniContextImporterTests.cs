using OmniContextEval.Core;
using OmniContextEval.Core.Cases;
using OmniContextEval.Suites.Import;
using OmniContextEval.Suites.Loading;

namespace OmniContextEval.Suites.Tests.Import;

public sealed class OmniContextImporterTests : IDisposable
{
    private static readonly string Rows = TestPaths.Fixture("suites", "omnicontext-published", "omnicontext.json");
    private readonly string _out = TestPaths.NewTempDir("omnictx-import");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void Imports_the_published_layout_into_a_valid_suite()
    {
        var report = OmniContextImporter.Import(Rows, _out, name: "fixture");
        Assert.Equal(3, report.Cases);
        Assert.Contains(report.Skipped, s => s.StartsWith("so_0004: no English instruction"));
        var loaded = SuiteLoader.Load(_out);
        Assert.Empty(loaded.Issues);
        Assert.Equal("fixture", loaded.Suite.Manifest.Name);

        var single = loaded.Suite.Get("sc_0001");
        Assert.Equal(Subtask.SingleCharacter, single.Subtask);
        Assert.Equal("图1中的女孩在阳光明媚的公园里挥手。", single.Instruction["zh"]);
        Assert.Equal(new OutputSize(1024, 1024), single.OutputSize);

        var scene = loaded.Suite.Get("sco_0003");
        Assert.Equal([SubjectKind.Character, SubjectKind.Object, SubjectKind.Scene], scene.Subjects.Select(s => s.Kind));
        Assert.Equal(DifficultyTier.Advanced, scene.Tier);
    }

    [Fact]
    public void Shared_images_are_stored_once()
    {
        OmniContextImporter.Import(Rows, _out);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(_out, "pool")).Length);
        var suite = Suite.Load(_out);
        Assert.Equal(suite.Get("sc_0001").InputImages[0], suite.Get("mco_0002").InputImages[0]);
    }

    [Fact]
    public void Reads_json_lines()
    {
        var folder = Path.GetDirectoryName(Rows)!;
        var lines = Path.Combine(_out, "rows.jsonl");
        File.WriteAllText(lines, "{\"key\":\"k1\",\"task_type\":\"single_object\",\"instruction\":\"A cup.\",\"instruction_language\":\"en\",\"input_images\":[\"images/cup.png\"]}\n");
        var report = OmniContextImporter.Import(lines, Path.Combine(_out, "suite"), imagesRoot: folder);
        Assert.Equal(1, report.Cases);
        Assert.Empty(SuiteLoader.Load(Path.Combine(_out, "suite")).Issues);
    }

    [Fact]
    public void A_broken_json_line_is_named_by_its_line_number()
    {
        var lines = Path.Combine(_out, "rows.jsonl");
        File.WriteAllText(lines, "{\"key\":\"k1\"}\n\n{\"key\": oops}\n");
        var e = Assert.Throws<HarnessException>(() => OmniContextImporter.Import(lines, Path.Combine(_out, "s")));
        Assert.Contains("rows.jsonl: line 3: not valid JSON", e.Message);
    }

    [Theory]
    [InlineData("[{\"key\":\"k9\",\"task_type\":\"single_object\",\"instruction_language\":\"en\",\"input_images\":[]}]",
        "row 0 (key k9): field instruction")]
    [InlineData("[{\"key\":\"k9\",\"task_type\":\"triple_object\",\"instruction\":\"x\",\"instruction_language\":\"en\",\"input_images\":[\"a.png\"]}]",
        "key k9: task_type 'triple_object'")]
    [InlineData("[{\"key\":\"k/9\",\"task_type\":\"single_object\",\"instruction\":\"x\",\"instruction_language\":\"en\",\"input_images\":[\"a.png\"]}]",
        "key 'k/9' cannot be a case id")]
    [InlineData("[{\"key\":\"k9\",\"task_type\":\"single_object\",\"instruction\":\"x\",\"instruction_language\":\"en\",\"input_images\":[\"gone.png\"]}]",
        "key k9: input image gone.png not found")]
    [InlineData("[{\"key\":\"k9\",\"task_type\":\"single_object\",\"instruction\":\"x\",\"instruction_language\":\"en\",\"input_images\":[\"../../../../../../etc/passwd\"]}]",
        "key k9: input image path '../../../../../../etc/passwd' leaves the suite folder")]
    [InlineData("[{\"key\":\"k9\",\"task_type\":\"single_object\",\"instruction\":\"x\",\"instruction_language\":\"en\",\"input_images\":[\"/etc/hostname\"]}]",
        "key k9: input image path '/etc/hostname' is absolute")]
    [InlineData("[{\"key\":\"k9\",\"task_type\":\"single_object\",\"instruction\":\"x\",\"instruction_language\":\"en\",\"input_images\":[\"bad.json\"]}]",
        "key k9: input image bad.json: not a PNG, JPEG or WebP file")]
    public void Bad_rows_are_refused_naming_key_and_field(string rows, string expected)
    {
        var bad = Path.Combine(_out, "bad.json");
        File.WriteAllText(bad, rows);
        var e = Assert.Throws<HarnessException>(() => OmniContextImporter.Import(bad, Path.Combine(_out, "s")));
        Assert.Contains(expected, e.Message);
        Assert.False(Directory.Exists(Path.Combine(_out, "s", "pool")), "nothing is copied from a refused row");
    }
}
