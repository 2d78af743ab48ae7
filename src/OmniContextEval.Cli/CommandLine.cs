using System.CommandLine;
using OmniContextEval.Cli.Commands;
using OmniContextEval.Core;
using OmniContextEval.Generation.Adapters;

namespace OmniContextEval.Cli;

/// <summary>Builds the <c>omnictx</c> command tree and runs it. Commands only parse and dispatch; logic lives in the libraries.</summary>
public static class CommandLine
{
    public static RootCommand Build(CliContext cli)
    {
        var root = new RootCommand("omnictx: the OmniContext evaluation harness (generate, score, report, gate).");
        foreach (var command in CommandCatalog.All(cli))
            root.Subcommands.Add(command);
        return root;
    }

    /// <summary>Runs the process's command line on its console; Ctrl+C cancels the one token every loop hears.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try { return await RunAsync(args, CliContext.FromConsole(), cancel.Token); }
        finally { Console.CancelKeyPress -= onCancel; }
    }

    /// <summary>Runs one command line writing to <paramref name="cli"/>'s writers; maps errors to messages and exit codes.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext cli, CancellationToken cancel = default)
    {
        try
        {
            var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = cli.Out, Error = cli.Error };
            return await Build(cli).Parse(args).InvokeAsync(config, cancel);
        }
        catch (OperationCanceledException)
        {
            cli.Error.WriteLine("Cancelled; completed work is kept.");
            return ExitCodes.Cancelled;
        }
        catch (HarnessException e)
        {
            cli.Error.WriteLine($"error: {Describe(e)}");
            return e.ExitCode;
        }
    }

    /// <summary>A library's typed error as the command line says it: with the option or the flag that helps.</summary>
    public static string Describe(HarnessException error) => error switch
    {
        InvalidSettingException e => $"--{e.Setting} {e.Message}",
        AnswerTooLargeException e => $"{e.Message} (raise the limit with --max-answer-bytes)",
        IncompatibleResultsException e => $"{e.Message}; pass --force to compare anyway",
        ModelsFolderNotFoundException e => $"{e.Message} (set it with --models or {Onnx.Models.ModelsFolder.EnvironmentVariable}, or run 'omnictx models fetch')",
        _ => error.Message,
    };
}
