using System.Text.Json;
using OmniContextEval.Core;

namespace OmniContextEval.Generation.Adapters;

/// <summary>
/// Runs a command once per batch (through /bin/sh -c, in its own process group). It reads an <see cref="ExternalBatch"/>
/// from stdin (the same JSON is also in the file named by $OMNICTX_REQUEST) and prints an <see cref="ExternalBatchResult"/>
/// on stdout naming image files. A run that times out, exits non-zero, prints more than
/// <see cref="ExternalOptions.MaxAnswerBytes"/> or prints something else is retried; the last failure, with the end of
/// stderr (escaped), is recorded for each request of the batch. Results are matched by (caseId, seed).
/// </summary>
/// <remarks>
/// Bounds: the timeout holds whatever the command does: at the deadline its whole process group is killed and its
/// pipes are abandoned (a daemon that left the group cannot hold the run). Once the command exits, its stdout gets
/// <see cref="StdoutGrace"/> to reach its end, then the group (children left in the background included) is killed.
/// Image files are opened without blocking and must be regular files within the answer limit.
/// </remarks>
public sealed class CommandImageGenerator(string command, ExternalOptions options, ImageLoading? loading = null) : IImageGenerator
{
    private const int StderrKept = 2000;

    /// <summary>How long stdout may stay open after the command exited (children still holding it) before the group is killed.</summary>
    public static readonly TimeSpan StdoutGrace = TimeSpan.FromSeconds(1);

    private readonly ImageLoading _loading = loading ?? ImageLoading.Bounded(options.MaxAnswerBytes);
    private readonly string _name = PrintableText.Escape(command, 200);

    public GeneratorIdentity Identity { get; } = new("command", "command/1", Settings: command);
    public int BatchSize => options.BatchSize;
    public int Parallelism => options.Concurrency;

    public async Task<IReadOnlyList<GenerationOutcome>> GenerateAsync(IReadOnlyList<GenerationRequest> batch, CancellationToken cancellation)
    {
        var work = Directory.CreateTempSubdirectory("omnictx-command-");
        try
        {
            var items = batch.Select((r, i) => ExternalItem.From(r, Path.Combine(work.FullName, $"{i}.png"))).ToList();
            var requestJson = JsonSerializer.SerializeToUtf8Bytes(new ExternalBatch(1, items), JsonOptions.Compact);
            var requestFile = Path.Combine(work.FullName, "request.json");
            await File.WriteAllBytesAsync(requestFile, requestJson, cancellation);
            string failure = "";
            for (var attempt = 0; attempt <= options.Retries; attempt++)
            {
                if (attempt > 0) await Task.Delay(options.DelayBefore(attempt), cancellation);
                var (result, error) = await RunOnceAsync(requestJson, requestFile, work.FullName, batch.Count, cancellation);
                if (result is not null) return batch.Select(r => Resolve(r, result)).ToList();
                failure = $"attempt {attempt + 1} of {options.Retries + 1}: {error}";
            }
            return batch.Select(r => GenerationOutcome.Failed($"command '{_name}' (case {r.Case.Id} seed {r.Seed}): {failure}")).ToList();
        }
        finally
        {
            try { work.Delete(recursive: true); }
            catch (DirectoryNotFoundException) { }
        }
    }

    private async Task<(IReadOnlyList<ExternalResult?>? Result, string Error)> RunOnceAsync(byte[] requestJson, string requestFile, string workFolder, int requestCount, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(options.Timeout);
        using var reading = new CancellationTokenSource();
        ProcessGroup group;
        try { group = ProcessGroup.Start(command, new Dictionary<string, string> { ["OMNICTX_REQUEST"] = requestFile }, workFolder); }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return (null, $"could not be started: {e.Message}");
        }
        var process = group.Process;
        var stdout = BoundedRead.ReadAllAsync(process.StandardOutput.BaseStream, options.MaxAnswerBytes, "stdout", null, reading.Token);
        var stderr = new TailBuffer(StderrKept * 2);
        var stderrDone = stderr.FillAsync(process.StandardError.BaseStream, reading.Token);
        var stdinDone = WriteInputAsync(process.StandardInput.BaseStream, requestJson, reading.Token);
        var exited = process.WaitForExitAsync(CancellationToken.None);
        try
        {
            var never = Task.Delay(Timeout.Infinite, deadline.Token);
            // Whichever comes first: the command exits, stdout ends (or overflows), or the deadline passes.
            var first = await Task.WhenAny(exited, stdout, never);
            if (first == stdout && stdout.IsFaulted) return (null, $"{Reason(stdout.Exception!.InnerException!)}; stderr: {stderr.Text(StderrKept)}");
            if (first == stdout) first = await Task.WhenAny(exited, never);
            if (first == never)
            {
                group.Kill();
                cancellation.ThrowIfCancellationRequested();
                return (null, $"timed out after {options.Timeout.TotalSeconds:F0} s; its process group was killed; stderr: {stderr.Text(StderrKept)}");
            }
            // The command exited: children it left behind may still hold stdout open.
            if (await Task.WhenAny(stdout, Task.Delay(StdoutGrace, deadline.Token)) != stdout)
            {
                group.Kill();
                await Task.WhenAny(stdout, Task.Delay(StdoutGrace, deadline.Token));
            }
            cancellation.ThrowIfCancellationRequested();
            if (!stdout.IsCompleted)
                return (null, $"stdout stayed open after the command exited (a process that left its group holds it); stderr: {stderr.Text(StderrKept)}");
            if (stdout.IsFaulted) return (null, $"{Reason(stdout.Exception!.InnerException!)}; stderr: {stderr.Text(StderrKept)}");
            await Task.WhenAny(stderrDone, Task.Delay(100, CancellationToken.None));
            if (process.ExitCode != 0) return (null, $"exit code {process.ExitCode}; stderr: {stderr.Text(StderrKept)}");
            return Parse(await stdout, stderr.Text(StderrKept), MaxTokens(requestCount));
        }
        finally
        {
            deadline.Cancel();
            group.Dispose(); // kills what is left of the group and closes our ends of the pipes
            reading.Cancel();
            foreach (var task in new[] { stdout, stderrDone, stdinDone }) _ = task.ContinueWith(t => t.Exception, TaskScheduler.Default);
        }
    }

    /// <summary>JSON values a batch's answer may hold: ample for its items, far too few to exhaust memory.</summary>
    private static int MaxTokens(int requests) => 1000 + 200 * requests;

    private static (IReadOnlyList<ExternalResult?>? Result, string Error) Parse(byte[] output, string errors, int maxTokens)
    {
        if (output.AsSpan().Trim(" \t\r\n"u8).IsEmpty) return (null, $"empty stdout; stderr: {errors}");
        try
        {
            AnswerJson.CheckTokenCount(output, maxTokens, "stdout");
            var result = JsonSerializer.Deserialize<ExternalBatchResult?>(output, JsonOptions.Compact);
            if (result?.Images is null)
                return (null, $"stdout is JSON without an \"images\" list ({(result is null ? "null" : "\"images\": null")}): {PrintableText.Escape(output)}; stderr: {errors}");
            return (result.Images, "");
        }
        catch (JsonException e)
        {
            return (null, $"stdout is not the expected JSON ({PrintableText.Escape(e.Message)}): {PrintableText.Escape(output)}; stderr: {errors}");
        }
    }

    private static string Reason(Exception e) => e switch
    {
        AnswerTooLargeException => e.Message,
        _ => $"reading stdout failed: {PrintableText.Escape(e.Message)}",
    };

    private static async Task WriteInputAsync(Stream stdin, byte[] json, CancellationToken cancellation)
    {
        try
        {
            await stdin.WriteAsync(json, cancellation);
            await stdin.FlushAsync(cancellation);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException) { } // the command need not read its input
        finally
        {
            try { stdin.Dispose(); }
            catch (IOException) { }
        }
    }

    private GenerationOutcome Resolve(GenerationRequest request, IReadOnlyList<ExternalResult?> results)
    {
        var named = $"command '{_name}' (case {request.Case.Id} seed {request.Seed})";
        var match = results.FirstOrDefault(i => i is not null && i.CaseId == request.Case.Id && i.Seed == request.Seed);
        if (match is null) return GenerationOutcome.Failed($"command '{_name}' returned no image for case {request.Case.Id} seed {request.Seed}");
        if (match.Error is not null) return GenerationOutcome.Failed($"{named}: {PrintableText.Escape(match.Error)}");
        if (string.IsNullOrEmpty(match.Path)) return GenerationOutcome.Failed($"command '{_name}': result for case {request.Case.Id} seed {request.Seed} has no path");
        try { return GenerationOutcome.Ok(_loading.LoadFile(match.Path)); }
        catch (HarnessException e) { return GenerationOutcome.Failed($"{named}: {PrintableText.Escape(e.Message)}"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return GenerationOutcome.Failed($"{named}: {PrintableText.Escape(match.Path, 300)}: {PrintableText.Escape(e.Message)}");
        }
    }
}

/// <summary>Keeps the last bytes of a stream (a command's stderr) while reading it to its end.</summary>
internal sealed class TailBuffer(int capacity)
{
    private readonly byte[] _ring = new byte[capacity];
    private long _total;

    public async Task FillAsync(Stream stream, CancellationToken cancellation)
    {
        var chunk = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellation)) > 0)
                lock (_ring)
                    for (var i = 0; i < read; i++) _ring[(_total++) % _ring.Length] = chunk[i];
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException) { }
    }

    /// <summary>The end of what was read, escaped, at most <paramref name="maxChars"/> characters.</summary>
    public string Text(int maxChars)
    {
        lock (_ring)
        {
            var count = (int)Math.Min(_total, _ring.Length);
            var bytes = new byte[count];
            for (var i = 0; i < count; i++) bytes[i] = _ring[(_total - count + i) % _ring.Length];
            return PrintableText.Escape(bytes, maxChars, keepEnd: true);
        }
    }
}
