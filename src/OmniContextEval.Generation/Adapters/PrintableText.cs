using System.Globalization;
using System.Text;

namespace OmniContextEval.Generation.Adapters;

/// <summary>
/// Makes text that came from an external generator (stdout, stderr, response bodies, error fields) safe to print and
/// to record: control characters, format characters (bidi overrides) and bytes that are not UTF-8 are written as
/// <c>\xNN</c> or <c>\uNNNN</c> escapes, and the result is cut to a maximum length with a note of what was left out.
/// </summary>
public static class PrintableText
{
    /// <summary>Characters kept by default in a message.</summary>
    public const int DefaultMaxChars = 500;

    /// <summary>Escapes raw bytes (invalid UTF-8 as <c>\xNN</c>); keeps the last <paramref name="maxChars"/> when <paramref name="keepEnd"/>.</summary>
    public static string Escape(ReadOnlySpan<byte> bytes, int maxChars = DefaultMaxChars, bool keepEnd = false)
    {
        var builder = new StringBuilder();
        // Only the part that can be shown is escaped (a character is at most 4 bytes), however long the input.
        var shown = (long)maxChars * 4 + 4;
        var rest = bytes.Length <= shown ? bytes : keepEnd ? bytes[^(int)shown..] : bytes[..(int)shown];
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(rest, out var rune, out var used);
            if (status == System.Buffers.OperationStatus.Done) Append(builder, rune);
            else
                for (var i = 0; i < Math.Max(used, 1); i++) builder.Append(CultureInfo.InvariantCulture, $"\\x{rest[i]:x2}");
            rest = rest[Math.Max(used, 1)..];
        }
        return Cut(builder.ToString().Trim(), maxChars, keepEnd, bytes.Length, "bytes");
    }

    /// <summary>Escapes a string (lone surrogates as <c>\uNNNN</c>).</summary>
    public static string Escape(string? text, int maxChars = DefaultMaxChars, bool keepEnd = false)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder();
        var (from, to) = text.Length <= 2L * maxChars + 2 ? (0, text.Length) : keepEnd ? (text.Length - 2 * maxChars - 2, text.Length) : (0, 2 * maxChars + 2);
        for (var i = from; i < to;)
        {
            if (i + 1 < to || !char.IsHighSurrogate(text[i]))
                if (Rune.TryGetRuneAt(text, i, out var rune)) { Append(builder, rune); i += rune.Utf16SequenceLength; continue; }
            builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)text[i]:x4}");
            i++;
        }
        return Cut(builder.ToString().Trim(), maxChars, keepEnd, text.Length, "characters");
    }

    private static void Append(StringBuilder builder, Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (rune.Value == ' ' || (category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                && !Rune.IsWhiteSpace(rune)))
            builder.Append(rune.ToString());
        else if (rune.Value == '\n') builder.Append("\\n");
        else if (rune.Value == '\r') builder.Append("\\r");
        else if (rune.Value == '\t') builder.Append("\\t");
        else if (rune.Value < 0x100) builder.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
        else if (rune.Value < 0x10000) builder.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}");
        else builder.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
    }

    private static string Cut(string text, int maxChars, bool keepEnd, int originalLength, string unit)
    {
        if (text.Length <= maxChars) return text;
        return keepEnd
            ? $"[{originalLength} {unit}, the last shown] ...{text[^maxChars..]}"
            : $"{text[..maxChars]}... [{originalLength} {unit}, the first shown]";
    }
}
