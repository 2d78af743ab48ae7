using OmniContextEval.Onnx.Fetching;

namespace OmniContextEval.Cli.Commands;

/// <summary>A one-line progress bar on stderr, redrawn at most every 1% or 200 ms.</summary>
public sealed class ConsoleDownloadProgress(TextWriter error) : IDownloadProgress
{
    private DateTime last = DateTime.MinValue;

    public void Report(string file, long bytes, long? total)
    {
        if ((DateTime.UtcNow - last).TotalMilliseconds < 200) return;
        last = DateTime.UtcNow;
        var mb = bytes / 1048576.0;
        if (total is > 0 and var t)
        {
            var fraction = Math.Min(1, bytes / (double)t);
            var bar = new string('#', (int)(fraction * 30)).PadRight(30, '.');
            error.Write($"\r{file,-28} [{bar}] {fraction,4:P0} {mb,8:F1} / {t / 1048576.0:F1} MiB");
        }
        else
            error.Write($"\r{file,-28} {mb,8:F1} MiB");
    }

    public void Done(string file)
    {
        error.WriteLine($"\r{file,-28} done{new string(' ', 50)}");
        last = DateTime.MinValue;
    }
}
