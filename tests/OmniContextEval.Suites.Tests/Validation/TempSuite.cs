using System.Text.Json.Nodes;

namespace OmniContextEval.Suites.Tests.Validation;

/// <summary>A small valid suite in a temp folder (images copied from the shipped suite) that tests then break.</summary>
public sealed class TempSuite : IDisposable
{
    public static string Shipped => Path.Combine(TestPaths.RepoRoot, "benchmark-cases", "omnicontext-synth");

    public string Folder { get; } = TestPaths.NewTempDir("omnictx-suite");

    public TempSuite()
    {
        Copy("pool/characters/cat.png");
        Copy("pool/objects/apple.png");
        Copy("references/single_character/single_character-001.jpg", "references/ref.jpg");
    }

    /// <summary>A valid case: one character, a 512x512 reference.</summary>
    public static JsonObject ValidCase(string id = "case-1") => new()
    {
        ["formatVersion"] = 1, ["id"] = id, ["subtask"] = "single_character", ["group"] = "single", ["tier"] = "basic",
        ["instruction"] = new JsonObject { ["en"] = "Place the cat in the centre.", ["zh"] = "把小猫放在中央。" },
        ["inputImages"] = new JsonArray("pool/characters/cat.png"),
        ["subjects"] = new JsonArray(new JsonObject
        {
            ["name"] = "cat", ["kind"] = "character", ["imageIndex"] = 0,
            ["box"] = new JsonObject { ["x"] = 24, ["y"] = 24, ["width"] = 208, ["height"] = 208 },
        }),
        ["keywords"] = new JsonArray("cat"),
        ["checklist"] = new JsonArray(new JsonObject
        {
            ["kind"] = "object", ["statement"] = "The image contains a cat.", ["contrasts"] = new JsonArray("The image contains no cat."),
        }),
        ["referenceImage"] = "references/ref.jpg",
        ["outputSize"] = new JsonObject { ["width"] = 512, ["height"] = 512 },
    };

    public string WriteCase(JsonObject c, string? file = null) =>
        WriteText(file ?? $"cases/{c["id"]}.json", c.ToJsonString());

    public string WriteText(string relative, string text)
    {
        var path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Copy(string shippedRelative, string? to = null)
    {
        var target = Path.Combine(Folder, to ?? shippedRelative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(Shipped, shippedRelative), target);
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
