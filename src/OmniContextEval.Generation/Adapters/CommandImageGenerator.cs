using System.Diagnostics;
using System.Text.Json;
using OmniContextEval.Core;

namespace OmniContextEval.Generation.Adapters;

/// <summary>
/// Runs a command once per batch (through /bin/sh -c). It reads an <see cref="ExternalBatch"/> from stdin (the same JSON
/// is also in the file named by $OMNICTX_REQUEST) and prints an <see cref="ExternalBatchResult"/> on stdout naming
/// image files. A run that times out, exits non-zero or prints something else is retried; the last failure, with
/// the end of stderr, is recorded for each request of the batch. Results are matched by (caseId, seed).
/// </summary>
public sealed class CommandImageGenerator(string command, ExternalOptions options, ImageLoading? loading = null) : IImageGenerator
{
    private const int StderrKept = 2000;
    private readonly ImageLoading _loading = loading ?? ImageLoading.Default;

    public GeneratorIdentity Identity { get; } = new("command", "command/1", Settings: command);
    public int BatchSize => options.BatchSize;
    public int Parallelism => options.Concurrency;

    public async Task<IReadOnlyList<GenerationOutcome>> GenerateAsync(IReadOnlyList<GenerationRequest> batch, CancellationToken cancellation)
    {
        var work = Directory.CreateTempSubdirectory("omnictx-command-");
        try
        {
            var items = batch.Select((r, i) => ExternalItem.From(r, Path.Combine(work.FullName, $"{i}.png"))).ToList();
            var requestJson = JsonSerializer.Serialize(new ExternalBatch(1, items), JsonOptions.Compact);
            var requestFile = Path.Combine(work.FullName, "request.json");
            await File.WriteAllTextAsync(requestFile, requestJson, cancellation);
            string failure = "";
            for (var attempt = 0; attempt <= options.Retries; attempt++)
            {
                if (attempt > 0) await Task.Delay(options.DelayBefore(attempt), cancellation);
                var (result, error) = await RunOnceAsync(requestJson, requestFile, cancellation);
                if (result is not null) return batch.Select(r => Resolve(r, result)).ToList();
                failure = $"attempt {attempt + 1} of {options.Retries + 1}: {error}";
            }
            return batch.Select(_ => GenerationOutcome.Failed($"command '{command}': {failure}")).ToList();
        }
        finally { work.Delete(recursive: true); }
    }

    private async Task<(ExternalBatchResult? Result, string Error)> RunOnceAsync(string requestJson, string requestFile, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment["OMNICTX_REQUEST"] = requestFile;
        using var process = Process.Start(start) ?? throw new HarnessException($"command '{command}' could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
        var stderr = process.StandardError.ReadToEndAsync(cancellation);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(options.Timeout);
        try
        {
            try { await process.StandardInput.WriteAsync(requestJson); process.StandardInput.Close(); }
            catch (IOException) { } // the command may exit without reading its input
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellation.ThrowIfCancellationRequested();
            return (null, $"timed out after {options.Timeout.TotalSeconds:F0} s; stderr: {Tail(await SafeRead(stderr))}");
        }
        var output = await stdout;
        var errors = Tail(await stderr);
        if (process.ExitCode != 0) return (null, $"exit code {process.ExitCode}; stderr: {errors}");
        try
        {
            var result = JsonSerializer.Deserialize<ExternalBatchResult>(output, JsonOptions.Compact);
            return result is null ? (null, $"empty stdout; stderr: {errors}") : (result, "");
        }
        catch (JsonException e)
        {
            return (null, $"stdout is not the expected JSON ({e.Message}): {Tail(output)}; stderr: {errors}");
        }
    }

    private GenerationOutcome Resolve(GenerationRequest request, ExternalBatchResult result)
    {
        var match = result.Images.FirstOrDefault(i => i.CaseId == request.Case.Id && i.Seed == request.Seed);
        if (match is null) return GenerationOutcome.Failed($"command '{command}' returned no image for case {request.Case.Id} seed {request.Seed}");
        if (match.Error is not null) return GenerationOutcome.Failed($"command '{command}': {match.Error}");
        if (match.Path is null) return GenerationOutcome.Failed($"command '{command}': result for case {request.Case.Id} seed {request.Seed} has no path");
        try { return GenerationOutcome.Ok(_loading.LoadFile(match.Path)); }
        catch (HarnessException e) { return GenerationOutcome.Failed($"command '{command}': {e.Message}"); }
    }

    private static async Task<string> SafeRead(Task<string> text)
    {
        try { return await text.WaitAsync(TimeSpan.FromSeconds(2)); }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException or IOException) { return ""; }
    }

    private static string Tail(string text) => text.Length <= StderrKept ? text.Trim() : "..." + text[^StderrKept..].Trim();
}
