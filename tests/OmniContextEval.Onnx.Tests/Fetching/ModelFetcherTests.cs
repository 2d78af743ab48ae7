using System.Text.Json.Nodes;
using OmniContextEval.Core;
using OmniContextEval.Onnx.Fetching;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Tests.Models;

namespace OmniContextEval.Onnx.Tests.Fetching;

public class ModelFetcherTests
{
    private static string Published()
    {
        var folder = TestPaths.NewTempDir("omnictx-published");
        foreach (var name in new[] { ModelManifest.FileName, "dinov2-vits14.onnx", "clip-vit-b32-image.onnx" })
            File.Copy(Path.Combine(FixedInputs.TinyModels, name), Path.Combine(folder, name));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ModelManifest.FileName)))!;
        var models = manifest["models"]!.AsArray();
        foreach (var m in models.Where(m => (string?)m!["name"] == "clip-vit-b32-text").ToList())
            models.Remove(m);
        File.WriteAllText(Path.Combine(folder, ModelManifest.FileName), manifest.ToJsonString());
        return folder;
    }

    [Fact]
    public async Task Resumes_a_partial_download_and_verifies_the_result()
    {
        var published = Published();
        using var server = new LocalFileServer(published);
        var local = TestPaths.NewTempDir("omnictx-local");
        var full = await File.ReadAllBytesAsync(Path.Combine(published, "dinov2-vits14.onnx"));
        await File.WriteAllBytesAsync(Path.Combine(local, "dinov2-vits14.onnx.part"), full[..(full.Length / 2)]);
        using var http = new HttpClient();
        var fetched = await new ModelFetcher(http).FetchAsync(local, server.BaseUrl, ["dinov2-vits14"]);
        Assert.Equal("dinov2-vits14", Assert.Single(fetched).Name);
        Assert.Equal(full, await File.ReadAllBytesAsync(Path.Combine(local, "dinov2-vits14.onnx")));
        Assert.Contains($"dinov2-vits14.onnx bytes={full.Length / 2}-", server.Requests);
        var registry = ModelRegistry.Open(local);
        Assert.True(ModelVerifier.Verify(registry, registry.Get("dinov2-vits14")).Ok);
    }

    [Fact]
    public async Task A_file_that_does_not_match_its_pinned_sha256_is_rejected_and_deleted()
    {
        var published = Published();
        var path = Path.Combine(published, "clip-vit-b32-image.onnx");
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[^10] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);
        using var server = new LocalFileServer(published);
        var local = TestPaths.NewTempDir("omnictx-local");
        using var http = new HttpClient();
        var e = await Assert.ThrowsAsync<HarnessException>(() => new ModelFetcher(http).FetchAsync(local, server.BaseUrl, ["clip-vit-b32-image"]));
        Assert.Contains("model 'clip-vit-b32-image'", e.Message);
        Assert.Contains("sha256", e.Message);
        Assert.False(File.Exists(Path.Combine(local, "clip-vit-b32-image.onnx")));
        Assert.False(File.Exists(Path.Combine(local, "clip-vit-b32-image.onnx.part")));
    }

    [Fact]
    public async Task No_network_is_a_clear_runtime_unavailable_error()
    {
        using var http = new HttpClient();
        var unreachable = new Uri("http://127.0.0.1:9/models/");
        var e = await Assert.ThrowsAsync<HarnessException>(() => new ModelFetcher(http).FetchAsync(TestPaths.NewTempDir(), unreachable, []));
        Assert.Equal(ExitCodes.RuntimeUnavailable, e.ExitCode);
        Assert.Contains("no network access?", e.Message);
        Assert.Contains("127.0.0.1:9/models/models.json", e.Message);
    }

    [Fact]
    public void Missing_source_says_how_to_give_one()
    {
        var e = Assert.Throws<InvalidSettingException>(() => ModelSources.Resolve(null));
        Assert.Equal("from", e.Setting); // the CLI says "--from"
        Assert.Contains("tools/export-models.py", e.Message);
    }
}
