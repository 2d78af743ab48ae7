namespace OmniContextEval.Metrics.Runs;

/// <summary>
/// Turns the per-network image counts that the scorer reports (1..n for each network in turn) into one running
/// count over all network passes, for a single progress bar.
/// </summary>
internal sealed class PassCounter(int total, IProgress<(int Done, int Total)> target) : IProgress<int>
{
    private readonly Lock _gate = new();
    private int _offset, _last;

    public void Report(int done)
    {
        lock (_gate)
        {
            if (done < _last) _offset += _last;
            _last = done;
            target.Report((Math.Min(total, _offset + done), total));
        }
    }
}
