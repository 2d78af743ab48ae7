namespace OmniContextEval.Integration.Tests.Cli;

/// <summary>Runs <c>omnictx</c> in-process with stdout and stderr captured (tests using it share the "console" collection).</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var (previousOut, previousErr) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try { return (await OmniContextEval.Cli.CommandLine.RunAsync(args), stdout.ToString(), stderr.ToString()); }
        finally { Console.SetOut(previousOut); Console.SetError(previousErr); }
    }
}
