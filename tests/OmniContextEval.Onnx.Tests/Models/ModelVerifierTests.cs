using System.Text.Json;
using System.Text.Json.Nodes;
using OmniContextEval.Core;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Onnx.Tests.Models;

public class ModelVerifierTests
{
    [Fact]
    public void Every_tiny_fixture_model_verifies_and_the_uncommitted_vocabulary_is_reported()
    {
        // The CLIP vocabulary is reference data that is never committed: the fixture folder lacks it, and verify says so.
        var registry = ModelRegistry.Open(FixedInputs.TinyModels);
        Assert.Contains(registry.Models, m => m.Name == "clip-vit-b32-image");
        Assert.Contains(registry.Models, m => m.Name == "dinov2-vits14");
        foreach (var entry in registry.Models.Where(m => m.Name != "clip-vit-b32-text"))
        {
            var check = ModelVerifier.Verify(registry, entry);
            Assert.True(check.Ok, $"{entry.Name}: {string.Join("; ", check.Problems)}");
        }
        Assert.Equal($"vocabulary file bpe_simple_vocab_16e6.txt.gz is missing from {registry.Folder}", SingleProblem(FixedInputs.TinyModels, "clip-vit-b32-text"));
    }

    [Fact]
    public void With_the_vocabulary_beside_it_the_text_model_verifies()
    {
        // verify checks that the side file is there; its content is the tokenizer's business (a placeholder will do).
        var folder = CopyFixtures();
        File.WriteAllBytes(Path.Combine(folder, "bpe_simple_vocab_16e6.txt.gz"), [0x1f, 0x8b]);
        var registry = ModelRegistry.Open(folder);

        Assert.True(ModelVerifier.Verify(registry, registry.Get("clip-vit-b32-text")).Ok);
    }

    [Fact]
    public void Missing_lpips_weights_are_named()
    {
        var folder = CopyFixtures();
        File.Delete(Path.Combine(folder, "lpips-tiny-lin.json"));

        Assert.Equal($"linWeights file lpips-tiny-lin.json is missing from {folder}", SingleProblem(folder, "lpips-alex"));
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var folder = CopyFixtures();
        File.Delete(Path.Combine(folder, "dinov2-vits14.onnx"));
        var problem = SingleProblem(folder, "dinov2-vits14");
        Assert.Contains("dinov2-vits14.onnx is missing", problem);
    }

    [Fact]
    public void Wrong_sha256_says_expected_and_found()
    {
        var folder = CopyFixtures();
        EditEntry(folder, "clip-vit-b32-image", e => e["sha256"] = new string('0', 64));
        var problem = SingleProblem(folder, "clip-vit-b32-image");
        Assert.Contains($"sha256 expected {new string('0', 64)}, found ", problem);
    }

    [Fact]
    public void Corrupt_file_is_reported_as_unloadable_and_changed()
    {
        var folder = CopyFixtures();
        var path = Path.Combine(folder, "clip-vit-b32-image.onnx");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);
        var check = ModelVerifier.Verify(ModelRegistry.Open(folder), ModelRegistry.Open(folder).Get("clip-vit-b32-image"));
        Assert.Contains(check.Problems, p => p.StartsWith("sha256 expected"));
        Assert.Contains(check.Problems, p => p.StartsWith("ONNX Runtime cannot load the file"));
    }

    [Fact]
    public void Wrong_input_name_and_shape_are_named()
    {
        var folder = CopyFixtures();
        EditEntry(folder, "dinov2-vits14", e =>
        {
            e["inputs"]![0]!["name"] = "images";
            e["outputs"]![0]!["shape"] = new JsonArray(-1, 768);
        });
        var check = ModelVerifier.Verify(ModelRegistry.Open(folder), ModelRegistry.Open(folder).Get("dinov2-vits14"));
        Assert.Contains("input 'images' expected, found inputs [pixel_values]", check.Problems);
        Assert.Contains("output 'cls_token' shape expected [-1,768], found [-1,32]", check.Problems);
        Assert.Contains("unexpected input 'pixel_values' (the manifest lists [images])", check.Problems);
    }

    [Fact]
    public void Opening_a_bad_model_throws_a_model_error_naming_it()
    {
        var folder = CopyFixtures();
        EditEntry(folder, "clip-vit-b32-image", e => e["inputs"]![0]!["shape"] = new JsonArray(-1, 3, 64, 64));
        var registry = ModelRegistry.Open(folder);
        var e = Assert.Throws<HarnessException>(() => ModelSession.Open(registry, registry.Get("clip-vit-b32-image"), SessionSettings.Default));
        Assert.Equal(ExitCodes.ModelError, e.ExitCode);
        Assert.Contains("model 'clip-vit-b32-image'", e.Message);
        Assert.Contains("shape expected [-1,3,64,64], found [-1,3,224,224]", e.Message);
    }

    [Fact]
    public void Unknown_model_name_lists_the_names_that_exist()
    {
        var e = Assert.Throws<HarnessException>(() => ModelRegistry.Open(FixedInputs.TinyModels).Get("clip-vit-h14-image"));
        Assert.Contains("clip-vit-h14-image", e.Message);
        Assert.Contains("dinov2-vits14", e.Message);
    }

    [Fact]
    public void Missing_folder_is_a_model_error()
    {
        var e = Assert.Throws<ModelsFolderNotFoundException>(() => ModelRegistry.Open("/nonexistent/models"));
        Assert.Equal(ExitCodes.ModelError, e.ExitCode);
        Assert.Contains("/nonexistent/models", e.Message);
    }

    private static string SingleProblem(string folder, string name)
    {
        var registry = ModelRegistry.Open(folder);
        var check = ModelVerifier.Verify(registry, registry.Get(name));
        return Assert.Single(check.Problems);
    }

    private static string CopyFixtures()
    {
        var folder = TestPaths.NewTempDir("omnictx-models");
        foreach (var file in Directory.GetFiles(FixedInputs.TinyModels))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    private static void EditEntry(string folder, string name, Action<JsonNode> edit)
    {
        var path = Path.Combine(folder, ModelManifest.FileName);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        edit(root["models"]!.AsArray().First(m => (string?)m!["name"] == name)!);
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
