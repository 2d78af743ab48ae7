namespace OmniContextEval.Suites.Loading;

/// <summary>suite.json at the top of a suite folder (optional): what the suite is and which version.</summary>
public sealed record SuiteManifest(string Name, string Version, string? Description = null)
{
    public const string FileName = "suite.json";
}
