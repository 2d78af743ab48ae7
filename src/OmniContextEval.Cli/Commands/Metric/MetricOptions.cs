using System.CommandLine;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Metrics.Networks;
using OmniContextEval.Metrics.Standalone;
using OmniContextEval.Onnx.Models;

namespace OmniContextEval.Cli.Commands.Metric;

/// <summary>Options every <c>metric</c> subcommand shares, and how results are printed.</summary>
internal static class MetricOptions
{
    public static Option<string?> Models() => new("--models") { Description = $"Models folder with models.json (default: ${ModelsFolder.EnvironmentVariable}, else {ModelsFolder.DefaultFolder})." };

    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON on stdout." };

    public static Option<int> Threads() => new("--threads") { Description = "ONNX Runtime intra-op threads.", DefaultValueFactory = _ => 2 };

    public static Option<int> Batch() => new("--batch") { Description = "Images per network batch.", DefaultValueFactory = _ => 16 };

    public static NetworkSettings Settings(int batch, int threads)
    {
        if (batch < 1 || threads < 1)
            throw new HarnessException("--batch and --threads must be at least 1", ExitCodes.UsageError);
        return new NetworkSettings(batch, threads);
    }

    /// <summary>Prints <paramref name="text"/> (stdout) or the JSON of <paramref name="result"/>; warnings and failures go to stderr. Exit 6 when images failed.</summary>
    public static int Print(CliContext cli, bool asJson, object result, string text, string? warning = null, IReadOnlyList<ImageFailure>? failures = null)
    {
        cli.Out.WriteLine(asJson ? JsonSerializer.Serialize(result, result.GetType(), JsonOptions.Indented) : text);
        if (warning is not null)
            cli.Error.WriteLine($"warning: {warning}");
        foreach (var failure in failures ?? [])
            cli.Error.WriteLine($"failed: {failure.Path}: {failure.Reason}");
        return failures is { Count: > 0 } ? ExitCodes.PartialFailure : ExitCodes.Success;
    }

    /// <summary>Six decimals, invariant culture; a rounding-level negative zero prints as 0.</summary>
    public static string Number(double value)
    {
        var text = value.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }
}
