using System.Security.Cryptography;
using System.Text;
using OmniContextEval.Core;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Similarity;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Clip;

/// <summary>
/// CLIP text embeddings: tokenizes, runs the text tower in batches, caches by (model sha256, "clip-bpe", text hash).
/// The embedding is the raw projection at the end-of-text position (normalise before taking cosines).
/// </summary>
public sealed class ClipTextEncoder(ModelSession session, ClipTokenizer tokenizer, FeatureCache? cache = null, int batchSize = 16)
{
    /// <summary>Cache mode name for tokenized text.</summary>
    public const string Mode = "clip-bpe";

    public ModelSession Session { get; } = session;

    /// <summary>
    /// Opens the pool's text model with the vocabulary its manifest entry names (default
    /// <see cref="ClipVocabulary.DefaultFileName"/> in the models folder); a missing vocabulary is a model error naming it.
    /// </summary>
    public static ClipTextEncoder Open(ModelSessionPool pool, string model, FeatureCache? cache = null, int batchSize = 16)
    {
        var session = pool.Get(model);
        var vocabulary = VocabularyPath(pool, session.Entry);
        return new ClipTextEncoder(session, ClipTokenizer.Create(vocabulary), cache, batchSize);
    }

    /// <summary>Where the entry's vocabulary is expected.</summary>
    public static string VocabularyPath(ModelSessionPool pool, Onnx.Models.ModelEntry entry) =>
        pool.Registry.ExtraFilePath(entry, "vocabulary") ?? Path.Combine(pool.Registry.Folder, ClipVocabulary.DefaultFileName);

    /// <summary>One embedding per text, in input order. NaN or infinite outputs are a <see cref="ExitCodes.ModelError"/>.</summary>
    public IReadOnlyList<float[]> Encode(IReadOnlyList<string> texts)
    {
        var results = new float[texts.Count][];
        var pending = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (cache is not null && cache.TryGet(Key(texts[i]), out var cached))
                results[i] = cached[0];
            else
                pending.Add(i);
        }
        foreach (var chunk in pending.Chunk(batchSize))
        {
            var ids = new long[chunk.Length * ClipTokenizer.ContextLength];
            for (var j = 0; j < chunk.Length; j++)
                tokenizer.Tokenize(texts[chunk[j]], ids.AsSpan(j * ClipTokenizer.ContextLength, ClipTokenizer.ContextLength));
            var output = Session.Run(ids, chunk.Length)[0];
            var size = Session.OutputItemSizes[0];
            for (var j = 0; j < chunk.Length; j++)
            {
                var embedding = output.AsSpan(j * size, size).ToArray();
                if (!Vectors.AllFinite(embedding))
                    throw new HarnessException($"model '{Session.Entry.Name}' produced NaN or infinite values for the text \"{texts[chunk[j]]}\"", ExitCodes.ModelError);
                results[chunk[j]] = embedding;
            }
            cache?.PutMany(chunk.Select(i => (Key(texts[i]), new[] { results[i] })));
        }
        return results;
    }

    private FeatureKey Key(string text) =>
        new(Session.Sha256, Mode, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
}
