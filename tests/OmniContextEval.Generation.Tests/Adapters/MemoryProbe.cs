using System.Diagnostics;

namespace OmniContextEval.Generation.Tests.Adapters;

/// <summary>Managed bytes allocated and the largest working-set growth (sampled every 10 ms) while an action runs.</summary>
internal static class MemoryProbe
{
    /// <summary>The stated bound for one oversized answer: 256 MiB above the level before (the answer limit is 64 MiB).</summary>
    public const double BoundMiB = 256;

    public static async Task<(T Result, (double AllocatedMiB, double WorkingSetMiB) Growth)> Measure<T>(Func<Task<T>> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var before = self.WorkingSet64;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        long peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
                try { await Task.Delay(10, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var result = await action();
        await stop.CancelAsync();
        await sampler;
        const double MiB = 1024.0 * 1024;
        return (result, ((GC.GetTotalAllocatedBytes(precise: true) - allocated) / MiB, (peak - before) / MiB));
    }
}
