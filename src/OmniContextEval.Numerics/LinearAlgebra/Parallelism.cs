namespace OmniContextEval.Numerics.LinearAlgebra;

/// <summary>
/// How many threads the dense kernels of this library (statistics, FID, KID) may use. Their work is cut into pieces
/// whose boundaries do not depend on the thread count, so results are bit-identical whatever the limit.
/// </summary>
public static class Parallelism
{
    private static readonly AsyncLocal<int> Limit = new();

    /// <summary>Threads used by calls on this logical flow: the limit set by <see cref="LimitTo"/>, else the processor count.</summary>
    public static int MaxThreads => Limit.Value > 0 ? Limit.Value : Environment.ProcessorCount;

    /// <summary>Limits calls made on this logical flow (async-local) to <paramref name="threads"/> until disposed.</summary>
    public static IDisposable LimitTo(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        int previous = Limit.Value;
        Limit.Value = threads;
        return new Restore(previous);
    }

    /// <summary>Runs <paramref name="body"/> for every index in [from, to), in parallel when allowed and worth it.</summary>
    internal static void For(int from, int to, Action<int> body)
    {
        int threads = MaxThreads;
        if (to - from <= 1 || threads == 1)
        {
            for (int i = from; i < to; i++)
                body(i);
            return;
        }
        Parallel.For(from, to, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
    }

    private sealed class Restore(int previous) : IDisposable
    {
        public void Dispose() => Limit.Value = previous;
    }
}
