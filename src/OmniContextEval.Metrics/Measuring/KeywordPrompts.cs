namespace OmniContextEval.Metrics.Measuring;

/// <summary>
/// Prompts for the keyword zero-shot check: a keyword is found when "a photo of {keyword}" is the most likely of
/// itself and these fixed contrasts. Changing them changes results: bump <see cref="Version"/>.
/// </summary>
public static class KeywordPrompts
{
    public const string Version = "keywords-v1";

    public static readonly IReadOnlyList<string> Contrasts =
    [
        "a photo of something else",
        "a photo of an empty scene",
        "a blank image",
    ];

    public static string Statement(string keyword) => $"a photo of {keyword}";
}
