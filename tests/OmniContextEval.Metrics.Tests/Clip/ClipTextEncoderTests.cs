using OmniContextEval.Metrics.Clip;
using OmniContextEval.Metrics.Similarity;
using OmniContextEval.Metrics.Tests.Support;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;
using OmniContextEval.Imaging.Npy;

namespace OmniContextEval.Metrics.Tests.Clip;

public class ClipTextEncoderTests
{
    /// <summary>Text -> C# tokenizer -> tiny text tower, against PyTorch on the reference tokenizer's ids (tools/models/clip.py).</summary>
    [SharedDataFact]
    public void Text_embeddings_match_pytorch_within_cosine_1e_5()
    {
        var registry = ModelRegistry.Open(TestImages.TinyModels);
        using var session = ModelSession.Open(registry, registry.Get("clip-vit-b32-text"), SessionSettings.Default);
        var tokenizer = ClipTokenizer.Create(Path.Combine(TestPaths.SharedReferenceData!, "clip", ClipVocabulary.DefaultFileName));
        var encoder = new ClipTextEncoder(session, tokenizer, batchSize: 1);
        var embeddings = encoder.Encode(["a photo of a cat", "Place the red striped teapot from image 1 on the wooden table in image 2."]);
        var expected = NpyReader.Read(TestPaths.Fixture("models", "reference", "clip-vit-b32-text.text_embeds.npy"));
        var size = expected.Shape[1];
        for (var i = 0; i < 2; i++)
        {
            var cosine = Vectors.Cosine(embeddings[i], expected.AsFloat32().Slice(i * size, size));
            Assert.True(1 - cosine <= 1e-5, $"text {i}: cosine {cosine}");
        }
    }

    /// <summary>With a free sequence axis each text runs in its own length bucket, so its neighbours never change its embedding.</summary>
    [SharedDataFact]
    public void A_free_length_model_gives_each_text_the_same_embedding_alone_or_among_others()
    {
        var registry = ModelRegistry.Open(TestImages.TinyModels);
        using var session = ModelSession.Open(registry, registry.Get("clip-vit-b32-text"), SessionSettings.Default);
        var tokenizer = ClipTokenizer.Create(Path.Combine(TestPaths.SharedReferenceData!, "clip", ClipVocabulary.DefaultFileName));
        var encoder = new ClipTextEncoder(session, tokenizer, batchSize: 16);
        string[] texts = ["a cat", string.Join(" ", Enumerable.Repeat("a very long description of a teapot", 12)), "a red teapot on a wooden table in a sunny kitchen"];
        Assert.True(encoder.FreeLength);
        Assert.Equal([8, 77, 16], texts.Select(t => encoder.SequenceLength(tokenizer.Tokenize(t))));
        var together = encoder.Encode(texts);
        for (var i = 0; i < texts.Length; i++)
            Assert.Equal(encoder.Encode([texts[i]])[0], together[i]);
    }
}
