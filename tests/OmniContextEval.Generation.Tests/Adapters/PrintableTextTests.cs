using OmniContextEval.Generation.Adapters;

namespace OmniContextEval.Generation.Tests.Adapters;

public class PrintableTextTests
{
    [Fact]
    public void Control_format_and_invalid_bytes_are_escaped_and_letters_kept()
    {
        Assert.Equal("\\x1b[31mred\\x07 \\u202e 猫 \\xff\\xfe\\nend", PrintableText.Escape("\u001b[31mred\u0007 \u202e 猫 "u8.ToArray().Concat(new byte[] { 0xff, 0xfe, (byte)'\n' }).Concat("end"u8.ToArray()).ToArray()));
        Assert.Equal("a\\ud800b\\tc", PrintableText.Escape("a\ud800b\tc"));
    }

    [Fact]
    public void Long_text_is_cut_to_its_start_or_end_with_the_full_length_named()
    {
        var bytes = Enumerable.Repeat((byte)'x', 10_000_000).ToArray();
        bytes[^1] = (byte)'!';
        Assert.Equal(new string('x', 10) + "... [10000000 bytes, the first shown]", PrintableText.Escape(bytes, 10));
        Assert.Equal("[10000000 bytes, the last shown] ..." + new string('x', 9) + "!", PrintableText.Escape(bytes, 10, keepEnd: true));
        Assert.Equal("[30 characters, the last shown] ...ddd", PrintableText.Escape(new string('c', 27) + "ddd", 3, keepEnd: true));
    }
}
