using OmniContextEval.Runs.Suites;

namespace OmniContextEval.Cli;

/// <summary>
/// The console service every command writes through, and what the commands share: machine output (JSON, Markdown,
/// tables) on <see cref="Out"/>, human text, warnings and progress on <see cref="Error"/>. Tests pass their own
/// writers, so each invocation is captured on its own and CLI tests run in parallel.
/// </summary>
/// <param name="Suites">Loads the suite of <c>omnictx run</c> and <c>omnictx score</c> (suite folders unless a test passes another).</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, ISuiteSource Suites)
{
    public CliContext(TextWriter output, TextWriter error) : this(output, error, new SuiteFolderSource()) { }

    /// <summary>The process's stdout and stderr.</summary>
    public static CliContext FromConsole() => new(Console.Out, Console.Error);
}
