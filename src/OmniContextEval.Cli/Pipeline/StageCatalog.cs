using OmniContextEval.Reports.Pipeline;

namespace OmniContextEval.Cli.Pipeline;

/// <summary>
/// The suite loader that <c>omnictx run</c> and <c>omnictx score</c> use: suite folders by default; tests put a
/// synthetic source here to score runs without a suite on disk.
/// </summary>
public static class StageCatalog
{
    public static Func<ISuiteSource> SuiteSource { get; set; } = () => new SuiteFolderSource();

    public static ISuiteSource RequireSuiteSource() => SuiteSource();
}
