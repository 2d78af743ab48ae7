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

    /// <summary>Token bucket: a text runs padded to a multiple of this many tokens when the model's sequence axis is free.</summary>
    public const int LengthStep = 8;

    /// <summary>
    /// Whether the model takes ids of any length (input shape [-1, -1]). Then each text runs cut to the bucket after its
    /// end-of-text token: with CLIP's causal mask no position sees a later one, so the embedding at the end-of-text
    /// token is that of the full 77-token input (up to float rounding), at a fraction of the cost. Texts are batched
    /// with others of the same bucket, so a text's input never depends on its neighbours.
    /// </summary>
    public bool FreeLength => Session.Entry.Inputs[0].Shape is [_, < 0];

    /// <summary>Tokens a text runs with: 77, or with a free length the end-of-text position + 1 rounded up to <see cref="LengthStep"/>.</summary>
    public int SequenceLength(ReadOnlySpan<long> ids)
    {
        if (!FreeLength) return ClipTokenizer.ContextLength;
        var end = ids.IndexOf((long)ClipTokenizer.EndToken);
        return Math.Min(ClipTokenizer.ContextLength, (end / LengthStep + 1) * LengthStep);
    }

    /// <summary>Texts the last <see cref="Encode"/> ran through the network (the others came from the cache).</summary>
    public int Computed { get; private set; }

    /// <summary>One embedding per text, in input order; null for a text whose embedding is not finite (NaN or infinity), which is not cached.</summary>
    public IReadOnlyList<float[]?> Encode(IReadOnlyList<string> texts)
    {
        var results = new float[]?[texts.Count];
        var pending = new List<(int Index, long[] Ids, int Length)>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (cache is not null && cache.TryGet(Key(texts[i]), out var cached))
                results[i] = cached[0];
            else
            {
                var ids = tokenizer.Tokenize(texts[i]);
                pending.Add((i, ids, SequenceLength(ids)));
            }
        }
        Computed = pending.Count;
        var size = Session.OutputItemSizes[0];
        foreach (var bucket in pending.GroupBy(p => p.Length).OrderBy(g => g.Key))
            foreach (var chunk in bucket.Chunk(batchSize))
            {
                var length = bucket.Key;
                var input = new long[chunk.Length * length];
                for (var j = 0; j < chunk.Length; j++)
                    chunk[j].Ids.AsSpan(0, length).CopyTo(input.AsSpan(j * length, length));
                var output = Session.Run(input, new long[] { chunk.Length, length })[0].Values;
                for (var j = 0; j < chunk.Length; j++)
                {
                    var embedding = output.AsSpan(j * size, size).ToArray();
                    results[chunk[j].Index] = Vectors.AllFinite(embedding) ? embedding : null;
                }
                cache?.PutMany(chunk.Where(c => results[c.Index] is not null).Select(c => (Key(texts[c.Index]), new[] { results[c.Index]! })));
            }
        return results;
    }

    private FeatureKey Key(string text) =>
        new(Session.Sha256, Mode, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
}
