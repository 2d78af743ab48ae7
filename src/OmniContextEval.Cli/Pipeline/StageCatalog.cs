using OmniContextEval.Core;
using OmniContextEval.Reports.Pipeline;

namespace OmniContextEval.Cli.Pipeline;

/// <summary>
/// The pipeline stage implementations this build offers to <c>omnictx run</c> and <c>omnictx score</c>: the suite
/// loader (Suites), the generator (Generation) and the metric engine (Metrics). Each library registers its
/// implementation here with one line; a command that needs a stage nobody registered fails with a clear message.
/// </summary>
public static class StageCatalog
{
    /// <summary>Loads suite folders.</summary>
    public static Func<ISuiteSource>? SuiteSource { get; set; } = () => new SuiteFolderSource();

    /// <summary>Builds the measure stage (metric engine) for a models folder.</summary>
    public static Func<string, IMeasureStage>? Measurer { get; set; }

    public static ISuiteSource RequireSuiteSource() => (SuiteSource ?? throw Missing("suite loader", "OmniContextEval.Suites"))();

    public static IMeasureStage RequireMeasurer(string modelsFolder) =>
        (Measurer ?? throw Missing("measure stage", "OmniContextEval.Metrics"))(modelsFolder);

    private static HarnessException Missing(string stage, string library) => new(
        $"this build of omnictx has no {stage}: {library} has not registered one in src/OmniContextEval.Cli/Pipeline/StageCatalog.cs. " +
        "Score existing records with 'omnictx score' or report existing results with 'omnictx report'.",
        ExitCodes.InternalError);
}
