using System.CommandLine;
using OmniContextEval.Cli.Commands;
using OmniContextEval.Core;

namespace OmniContextEval.Cli;

/// <summary>Builds the <c>omnictx</c> command tree and runs it. Commands only parse and dispatch; logic lives in the libraries.</summary>
public static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("omnictx: the OmniContext evaluation harness (generate, score, report, gate).");
        foreach (var command in CommandCatalog.All())
            root.Subcommands.Add(command);
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        try
        {
            var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
            return await Build().Parse(args).InvokeAsync(config, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled; completed work is kept.");
            return ExitCodes.Cancelled;
        }
        catch (HarnessException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
    }
}
