using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace OmniContextEval.Metrics.Clip;

/// <summary>
/// OpenAI CLIP's byte-level BPE tokenizer (clip/simple_tokenizer.py). Text is cleaned (Unicode NFC, HTML
/// unescaped twice, whitespace collapsed, lower-cased), split by CLIP's pattern, each piece byte-encoded
/// and BPE-merged. Thread-safe; create one per vocabulary with <see cref="Create"/>.
/// </summary>
public sealed partial class ClipTokenizer
{
    public const string StartText = "<|startoftext|>";
    public const string EndText = "<|endoftext|>";
    /// <summary>Tokens per model input, start and end included.</summary>
    public const int ContextLength = 77;
    public const int StartToken = 49406;
    public const int EndToken = 49407;

    private readonly ClipVocabulary vocabulary;
    private readonly ConcurrentDictionary<string, int[]> pieceCache = new();

    private ClipTokenizer(ClipVocabulary vocabulary) => this.vocabulary = vocabulary;

    /// <summary>Loads the tokenizer from <c>bpe_simple_vocab_16e6.txt.gz</c>.</summary>
    public static ClipTokenizer Create(string vocabularyPath) => new(ClipVocabulary.Load(vocabularyPath));

    /// <summary>BPE ids of the text, without start and end tokens or padding.</summary>
    public IReadOnlyList<int> Encode(string text)
    {
        var ids = new List<int>();
        foreach (Match piece in SplitPattern().Matches(Clean(text)))
            ids.AddRange(pieceCache.GetOrAdd(piece.Value, EncodePiece));
        return ids;
    }

    /// <summary>
    /// The model input for one text: [49406] + ids + [49407], truncated to 77 with the last kept token set to
    /// 49407, then zero-padded to 77. Written into <paramref name="destination"/> (77 values).
    /// </summary>
    public void Tokenize(string text, Span<long> destination)
    {
        if (destination.Length != ContextLength)
            throw new ArgumentException($"expected {ContextLength} slots", nameof(destination));
        destination.Clear();
        var ids = Encode(text);
        destination[0] = StartToken;
        var kept = Math.Min(ids.Count, ContextLength - 2);
        for (var i = 0; i < kept; i++)
            destination[i + 1] = ids[i];
        destination[kept + 1] = EndToken;
    }

    /// <summary>The 77-token model input for one text (see <see cref="Tokenize(string, Span{long})"/>).</summary>
    public long[] Tokenize(string text)
    {
        var result = new long[ContextLength];
        Tokenize(text, result);
        return result;
    }

    /// <summary>CLIP's basic_clean and whitespace_clean, then lower-case (ftfy is approximated by NFC).</summary>
    public static string Clean(string text)
    {
        text = text.Normalize(NormalizationForm.FormC);
        text = WebUtility.HtmlDecode(WebUtility.HtmlDecode(text)).Trim();
        text = Whitespace().Replace(text, " ").Trim();
        return text.ToLowerInvariant();
    }

    private int[] EncodePiece(string piece)
    {
        if (piece is StartText or EndText)
            return [vocabulary.Encoder[piece]];
        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(piece))
            encoded.Append(vocabulary.ByteSymbols[b]);
        return Merge(encoded.ToString()).Select(s => vocabulary.Encoder[s]).ToArray();
    }

    /// <summary>Repeatedly merges the adjacent pair with the lowest rank, as simple_tokenizer.bpe does.</summary>
    private List<string> Merge(string token)
    {
        var word = token.Select(c => c.ToString()).ToList();
        word[^1] += "</w>";
        while (word.Count > 1)
        {
            var best = -1;
            var bestRank = int.MaxValue;
            for (var i = 0; i < word.Count - 1; i++)
                if (vocabulary.MergeRanks.TryGetValue((word[i], word[i + 1]), out var rank) && rank < bestRank)
                    (best, bestRank) = (i, rank);
            if (best < 0)
                break;
            var (first, second) = (word[best], word[best + 1]);
            var merged = new List<string>(word.Count);
            for (var i = 0; i < word.Count; i++)
            {
                if (i < word.Count - 1 && word[i] == first && word[i + 1] == second)
                {
                    merged.Add(first + second);
                    i++;
                }
                else
                    merged.Add(word[i]);
            }
            word = merged;
        }
        return word;
    }

    [GeneratedRegex(@"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SplitPattern();

    // Python's str regex \s also matches the separators U+001C..U+001F.
    [GeneratedRegex(@"[\s\x1c-\x1f]+")]
    private static partial Regex Whitespace();
}
