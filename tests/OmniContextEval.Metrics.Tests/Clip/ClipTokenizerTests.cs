using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Metrics.Clip;

namespace OmniContextEval.Metrics.Tests.Clip;

public class ClipTokenizerTests
{
    private static readonly Lazy<ClipTokenizer> Tokenizer = new(() =>
        ClipTokenizer.Create(Path.Combine(TestPaths.SharedReferenceData!, "clip", ClipVocabulary.DefaultFileName)));

    [SharedDataFact]
    public void Reproduces_every_reference_tokenization()
    {
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.SharedReferenceData!, "clip", "tokenizer_cases.json")));
        var checkedCases = 0;
        foreach (var c in cases.RootElement.GetProperty("cases").EnumerateArray())
        {
            var text = c.GetProperty("text").GetString()!;
            var expected = c.GetProperty("bpe_ids").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.True(expected.SequenceEqual(Tokenizer.Value.Encode(text)),
                $"'{text}': expected [{string.Join(",", expected)}], got [{string.Join(",", Tokenizer.Value.Encode(text))}]");
            checkedCases++;
        }
        Assert.True(checkedCases >= 10);
    }

    [SharedDataFact]
    public void Model_input_wraps_with_start_and_end_and_pads_with_zeros()
    {
        var ids = Tokenizer.Value.Tokenize("a photo of a cat");
        Assert.Equal(new long[] { 49406, 320, 1125, 539, 320, 2368, 49407 }, ids[..7]);
        Assert.All(ids[7..], id => Assert.Equal(0, id));
        Assert.Equal(ClipTokenizer.ContextLength, ids.Length);
    }

    [SharedDataFact]
    public void Long_text_is_truncated_to_77_with_the_end_token_last()
    {
        var ids = Tokenizer.Value.Tokenize(string.Concat(Enumerable.Repeat("a ", 100)));
        Assert.Equal(77, ids.Length);
        Assert.Equal(49406, ids[0]);
        Assert.All(ids[1..76], id => Assert.Equal(320, id));
        Assert.Equal(49407, ids[76]);
    }

    [SharedDataFact]
    public void Empty_text_is_start_then_end()
    {
        var ids = Tokenizer.Value.Tokenize("");
        Assert.Equal(new long[] { 49406, 49407, 0 }, ids[..3]);
    }

    [Fact]
    public void Cleaning_unescapes_html_collapses_whitespace_and_lower_cases()
    {
        Assert.Equal("tom & jerry say hi", ClipTokenizer.Clean("  Tom &amp;amp; Jerry\t\n SAY   hi "));
    }

    [Fact]
    public void Missing_vocabulary_names_the_file()
    {
        var e = Assert.Throws<HarnessException>(() => ClipTokenizer.Create("/nonexistent/bpe.txt.gz"));
        Assert.Contains("/nonexistent/bpe.txt.gz", e.Message);
        Assert.Equal(ExitCodes.ModelError, e.ExitCode);
    }
}
