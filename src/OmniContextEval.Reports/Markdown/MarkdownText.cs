using System.Globalization;
using OmniContextEval.Core.Statistics;

namespace OmniContextEval.Reports.Markdown;

/// <summary>Markdown cell escaping and invariant number formatting.</summary>
public static class MarkdownText
{
    /// <summary>Text safe inside a table cell: pipes, HTML and Markdown markup escaped, line breaks flattened.</summary>
    public static string Cell(string text)
    {
        var escaped = new System.Text.StringBuilder();
        foreach (var ch in text.Replace("\r", " ").Replace("\n", " "))
        {
            if (ch is '<') escaped.Append("&lt;");
            else if (ch is '>') escaped.Append("&gt;");
            else if (ch is '&') escaped.Append("&amp;");
            else if (ch is '|' or '\\' or '`' or '*' or '_' or '[' or ']') escaped.Append('\\').Append(ch);
            else escaped.Append(ch);
        }
        return escaped.ToString();
    }

    /// <summary>One decimal, invariant.</summary>
    public static string Num(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A raw metric value with up to 4 significant decimals, invariant.</summary>
    public static string Raw(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A signed value with one decimal, e.g. +1.2 or -0.4.</summary>
    public static string Signed(double value) => value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    /// <summary>An image line for a chart PNG: <c>![title](path)</c>, the title escaped and the path percent-encoded.</summary>
    public static string Image(string title, string relativePath) =>
        $"![{Cell(title)}]({string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString))})\n\n";

    /// <summary>"mean [lower, upper]".</summary>
    public static string Interval(Estimate e) => $"{Num(e.Mean)} [{Num(e.Lower)}, {Num(e.Upper)}]";
}
