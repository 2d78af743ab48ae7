using System.Globalization;
using System.Net;
using System.Reflection;

namespace OmniContextEval.Reports.Html;

/// <summary>Escaping, number formatting and embedded assets shared by the HTML pages.</summary>
public static class HtmlText
{
    /// <summary>HTML-escapes text for element content and attribute values (&lt; &gt; &amp; " ').</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A score with one decimal, invariant.</summary>
    public static string Score(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A raw metric value with up to 4 decimals, invariant; +inf as "inf".</summary>
    public static string Raw(double value) => double.IsPositiveInfinity(value) ? "inf" : value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A relative URL from a page's folder to a file, each segment percent-encoded.</summary>
    public static string RelativeUrl(string fromFolder, string toFile) =>
        string.Join('/', Path.GetRelativePath(fromFolder, toFile).Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));

    /// <summary>The text of an embedded asset (report.css, report.js).</summary>
    public static string Asset(string logicalName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"embedded asset {logicalName} missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The page head: title, inlined stylesheet, an empty icon (no request for favicon.ico).</summary>
    public static string Head(string title) =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{E(title)}</title><link rel=\"icon\" href=\"data:,\"><style>{Asset("report.css")}</style></head>\n";
}
