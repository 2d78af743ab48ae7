using OmniContextEval.Cli;
using OmniContextEval.Runs.Suites;

namespace OmniContextEval.Integration.Tests.Cli;

/// <summary>
/// Runs <c>omnictx</c> in-process with its own stdout and stderr writers (the injected console), so tests that use it
/// run in parallel; <paramref name="suites"/> replaces the suite folder loader where a test scores without a suite on disk.
/// </summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Out, string Err)> Run(params string[] args) => await Run(null, args);

    public static async Task<(int Code, string Out, string Err)> Run(ISuiteSource? suites, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var cli = suites is null ? new CliContext(stdout, stderr) : new CliContext(stdout, stderr, suites);
        return (await CommandLine.RunAsync(args, cli), stdout.ToString(), stderr.ToString());
    }
}
