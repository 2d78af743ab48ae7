using System.IO.Compression;
using OmniContextEval.Core;

namespace OmniContextEval.Metrics.Clip;

/// <summary>
/// The CLIP BPE vocabulary built from <c>bpe_simple_vocab_16e6.txt.gz</c> as openai/CLIP's simple_tokenizer does:
/// 256 byte symbols, the same with "&lt;/w&gt;", one symbol per merge, then the start and end tokens (49408 in all).
/// </summary>
public sealed class ClipVocabulary
{
    public const string DefaultFileName = "bpe_simple_vocab_16e6.txt.gz";
    private const int MergeCount = 49152 - 256 - 2;

    private ClipVocabulary(Dictionary<string, int> encoder, Dictionary<(string, string), int> ranks, string[] byteSymbols)
    {
        Encoder = encoder;
        MergeRanks = ranks;
        ByteSymbols = byteSymbols;
    }

    /// <summary>Token string to id.</summary>
    public IReadOnlyDictionary<string, int> Encoder { get; }
    /// <summary>Merge pair to its rank (lower merges first).</summary>
    public IReadOnlyDictionary<(string, string), int> MergeRanks { get; }
    /// <summary>The printable symbol GPT-2's byte-to-unicode table gives each byte value (index = byte).</summary>
    public IReadOnlyList<string> ByteSymbols { get; }

    /// <summary>Reads the gzip vocabulary; a missing or malformed file is a <see cref="ExitCodes.ModelError"/> naming it.</summary>
    public static ClipVocabulary Load(string path)
    {
        if (!File.Exists(path))
            throw new HarnessException($"CLIP vocabulary {path} is missing (copy {DefaultFileName} from openai/CLIP into the models folder)", ExitCodes.ModelError);
        string[] lines;
        try
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, System.Text.Encoding.UTF8);
            lines = reader.ReadToEnd().Split('\n');
        }
        catch (InvalidDataException e)
        {
            throw new HarnessException($"CLIP vocabulary {path} is not a gzip file: {e.Message}", ExitCodes.ModelError, e);
        }
        if (lines.Length < MergeCount + 1)
            throw new HarnessException($"CLIP vocabulary {path}: expected at least {MergeCount + 1} lines, found {lines.Length}", ExitCodes.ModelError);
        var (byByte, ordered) = ByteToUnicode();
        var tokens = new List<string>(49408);
        tokens.AddRange(ordered);
        tokens.AddRange(ordered.Select(b => b + "</w>"));
        var ranks = new Dictionary<(string, string), int>(MergeCount);
        for (var i = 0; i < MergeCount; i++)
        {
            var parts = lines[i + 1].Split(' ');
            if (parts.Length != 2)
                throw new HarnessException($"CLIP vocabulary {path}: line {i + 2} is not a merge pair", ExitCodes.ModelError);
            ranks[(parts[0], parts[1])] = i;
            tokens.Add(parts[0] + parts[1]);
        }
        tokens.Add(ClipTokenizer.StartText);
        tokens.Add(ClipTokenizer.EndText);
        var encoder = new Dictionary<string, int>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
            encoder[tokens[i]] = i;
        return new ClipVocabulary(encoder, ranks, byByte);
    }

    /// <summary>
    /// GPT-2's reversible byte-to-unicode table: printable bytes map to themselves, the others to 256 + n.
    /// Returns the symbol per byte value and the symbols in the table's order (printable bytes first).
    /// </summary>
    private static (string[] ByByte, string[] Ordered) ByteToUnicode()
    {
        var printable = new List<int>();
        for (var b = (int)'!'; b <= '~'; b++) printable.Add(b);
        for (var b = 0xA1; b <= 0xAC; b++) printable.Add(b);
        for (var b = 0xAE; b <= 0xFF; b++) printable.Add(b);
        var byByte = new string[256];
        var ordered = new List<string>(256);
        foreach (var b in printable)
            ordered.Add(byByte[b] = ((char)b).ToString());
        var extra = 0;
        for (var b = 0; b < 256; b++)
            if (byByte[b] is null)
                ordered.Add(byByte[b] = ((char)(256 + extra++)).ToString());
        return (byByte, ordered.ToArray());
    }
}
