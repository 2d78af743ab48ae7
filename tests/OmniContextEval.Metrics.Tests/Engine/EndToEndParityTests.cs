using OmniContextEval.Imaging.Npy;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Similarity;
using OmniContextEval.Metrics.Tests.Support;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Tests.Engine;

/// <summary>
/// A PNG file -> decoding -> the manifest's preprocessing mode -> tiny network, against PyTorch with PIL and the
/// reference torchvision transforms on the same file (tools/models/clip.py, dinov2.py). Cosine within 1e-5.
/// </summary>
public sealed class EndToEndParityTests : IDisposable
{
    private static readonly string Pattern = TestPaths.Fixture("models", "reference", "pattern-97x61.png");
    private readonly ModelSessionPool pool = new(ModelRegistry.Open(TestImages.TinyModels), new SessionSettings(IntraOpThreads: 2));

    [Theory]
    [InlineData("clip-vit-b32-image", 0, "pattern-image_embeds", 1)]
    [InlineData("dinov2-vits14", 0, "pattern-cls_token", 1)]
    [InlineData("dinov2-vits14", 1, "pattern-patch_tokens", 256)]
    public async Task File_embeddings_match_pytorch(string model, int output, string reference, int rows)
    {
        var result = Assert.Single(await ImageEmbedder.Create(pool, model).ExtractAsync([ImageInput.FromFile(Pattern)]));
        var expected = NpyReader.Read(TestPaths.Fixture("models", "reference", $"{model}.{reference}.npy")).AsFloat32().ToArray();
        var actual = result.Output(output);
        Assert.Equal(expected.Length, actual.Length);
        var size = actual.Length / rows;
        for (var r = 0; r < rows; r++)
        {
            var cosine = Vectors.Cosine(expected.AsSpan(r * size, size), actual.AsSpan(r * size, size));
            Assert.True(1 - cosine <= 1e-5, $"{model} {reference} row {r}: cosine {cosine}");
        }
    }

    public void Dispose() => pool.Dispose();
}
