using OmniContextEval.Generation.Running;

namespace OmniContextEval.Runs;

/// <summary>A one-line progress bar with count, rate and ETA, redrawn at most every 200 ms on the writer given (stderr).</summary>
public sealed class ProgressLine(TextWriter writer) : IProgress<GenerationProgress>
{
    private readonly Lock _gate = new();
    private DateTime _last = DateTime.MinValue;

    public void Report(GenerationProgress p)
    {
        lock (_gate)
        {
            var now = DateTime.UtcNow;
            if (p.Done < p.Total && now - _last < TimeSpan.FromMilliseconds(200)) return;
            _last = now;
            const int width = 30;
            var filled = p.Total == 0 ? width : p.Done * width / p.Total;
            var eta = p.Remaining is { } r ? $"ETA {r:hh\\:mm\\:ss}" : "ETA --:--:--";
            var failed = p.Failed > 0 ? $", {p.Failed} failed" : "";
            writer.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {p.Done}/{p.Total} {p.Rate:F2} img/s {eta}{failed}   ");
        }
    }

    /// <summary>Ends the line (also after a cancelled or failed step), so the next message starts on its own.</summary>
    public void End()
    {
        lock (_gate) writer.WriteLine();
    }
}
