using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

using static OmniContextEval.Numerics.LinearAlgebra.VectorKernels;

namespace OmniContextEval.Numerics.LinearAlgebra;

/// <summary>
/// Second stage of the two-stage tridiagonalisation (the bulge-chasing method of LAPACK's dsytrd_sb2st): reduces a
/// symmetric band matrix with b subdiagonals to tridiagonal form. Sweep c annihilates column c below its
/// subdiagonal with one reflector, applied to the diagonal block it touches; that fills a b x b block below, whose
/// first column the next reflector annihilates, and so on down the band. The rest of each fill-in is left for the
/// next sweep, so the band never grows beyond 2b subdiagonals. Work is about 6 b n^2 flops on data that stays in
/// cache (the band is copied into a compact array whose row r holds columns r - 2b..r); consecutive sweeps run on
/// different threads, each a couple of steps behind the one before.
/// </summary>
internal static class BulgeChasing
{
    /// <summary>
    /// Reduces the band (element (r, c), c &lt;= r &lt;= c + b, at <c>a[c * n + r]</c>) to the tridiagonal matrix with
    /// diagonal <paramref name="diagonal"/> and off-diagonal <paramref name="offDiagonal"/>; <paramref name="a"/> is not changed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Reduce(double[] a, int n, int b, double[] diagonal, double[] offDiagonal)
    {
        var band = new Band(n, 2 * b);
        for (int c = 0; c < n; c++)
            for (int r = c; r <= Math.Min(n - 1, c + b); r++)
                band.Values[band.At(r, c)] = a[c * n + r];
        int workers = n >= PipelineFrom ? Math.Min(Parallelism.MaxThreads, MaxWorkers) : 1;
        var pipeline = new Pipeline(b > 1 ? Math.Max(n - 2, 0) : 0);
        if (workers == 1)
            Sweeps(band, n, b, 0, 1, pipeline);
        else
        {
            Exception? failure = null;
            void Work(int worker)
            {
                try
                {
                    Sweeps(band, n, b, worker, workers, pipeline);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null); // the first failure; the others only stop waiting for it
                    pipeline.Fail();
                }
            }
            var helpers = Enumerable.Range(1, workers - 1).Select(w => new Thread(() => Work(w)) { IsBackground = true, Name = "bulge chasing" }).ToList();
            helpers.ForEach(t => t.Start());
            Work(0);
            helpers.ForEach(t => t.Join());
            if (failure is not null)
                ExceptionDispatchInfo.Throw(failure);
        }
        for (int i = 0; i < n; i++)
            diagonal[i] = band.Values[band.At(i, i)];
        for (int i = 0; i < n - 1; i++)
            offDiagonal[i] = band.Values[band.At(i + 1, i)];
    }

    /// <summary>Sweeps are pipelined over threads from this size on.</summary>
    private const int PipelineFrom = 256;
    private const int MaxWorkers = 4;

    /// <summary>
    /// Sweeps worker, worker + workers, ... Step k of sweep c touches only rows and columns that step k + 1 of sweep
    /// c - 1 also touches or that sweep c - 1 has left, so it waits until sweep c - 1 has finished k + 2 steps
    /// (<see cref="Pipeline"/>); every element then sees the same updates in the same order as in one thread.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sweeps(Band band, int n, int b, int worker, int workers, Pipeline pipeline)
    {
        var v = new double[b];
        var next = new double[b];
        var work = new double[b];
        for (int c = worker; c < pipeline.Sweeps; c += workers)
        {
            int step = 0;
            pipeline.WaitFor(c - 1, step + 2);
            int s = c + 1, length = Math.Min(c + b, n - 1) - s + 1;
            double tau = Annihilate(band, s, length, c, v);
            if (tau != 0)
                TwoSided(band, s, length, v, tau, work);
            pipeline.Report(c, ++step);
            while (s + b < n)
            {
                pipeline.WaitFor(c - 1, step + 2);
                int s2 = s + b, length2 = Math.Min(s + length - 1 + b, n - 1) - s2 + 1;
                // The block below: rows s2.., columns s.. (the previous reflector's columns).
                if (tau != 0)
                    FromRight(band, s2, length2, s, length, v, tau);
                double tau2 = Annihilate(band, s2, length2, s, next);
                if (tau2 != 0)
                {
                    FromLeft(band, s2, length2, s + 1, length - 1, next, tau2, work);
                    TwoSided(band, s2, length2, next, tau2, work);
                }
                (v, next) = (next, v);
                (tau, s, length) = (tau2, s2, length2);
                pipeline.Report(c, ++step);
            }
            pipeline.Report(c, int.MaxValue);
        }
    }

    /// <summary>Steps finished per sweep, shared by the threads; a failed thread makes the others stop waiting.</summary>
    private sealed class Pipeline(int sweeps)
    {
        private readonly int[] _finished = new int[sweeps];
        private volatile bool _failed;

        public int Sweeps => _finished.Length;

        public void Report(int sweep, int steps) => Volatile.Write(ref _finished[sweep], steps);

        public void Fail() => _failed = true;

        /// <summary>Returns once sweep <paramref name="sweep"/> (none when negative) has finished <paramref name="steps"/> steps.</summary>
        public void WaitFor(int sweep, int steps)
        {
            if (sweep < 0 || Volatile.Read(ref _finished[sweep]) >= steps)
                return;
            var spinner = new SpinWait();
            while (Volatile.Read(ref _finished[sweep]) < steps)
            {
                if (_failed)
                    throw new OperationCanceledException("another bulge-chasing thread failed");
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }
    }

    /// <summary>Reflector for column c, rows s..s+length-1: keeps the first entry (beta), zeroes the rest; v gets the reflector (v[0] = 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Annihilate(Band band, int s, int length, int c, double[] v)
    {
        var x = v.AsSpan(0, length);
        for (int i = 0; i < length; i++)
            x[i] = band.Values[band.At(s + i, c)];
        double tau = Householder.Make(x);
        if (tau == 0)
            return 0;
        band.Values[band.At(s, c)] = x[0];
        for (int i = 1; i < length; i++)
            band.Values[band.At(s + i, c)] = 0;
        x[0] = 1;
        return tau;
    }

    /// <summary>D = H D H for the symmetric diagonal block D = rows and columns s..s+length-1 (lower triangle stored).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TwoSided(Band band, int s, int length, double[] v, double tau, double[] work)
    {
        ref double p = ref MemoryMarshal.GetArrayDataReference(work);
        ref double vs = ref MemoryMarshal.GetArrayDataReference(v);
        work.AsSpan(0, length).Clear();
        // p = D v from the lower triangle: row i gives p[i] += D(i, 0..i) . v and p[0..i) += D(i, 0..i) v[i].
        for (int i = 0; i < length; i++)
        {
            ref double row = ref band.Row(s + i, s, i + 1);
            Unsafe.Add(ref p, i) += Dot(ref row, ref vs, i + 1);
            AddScaled(ref p, ref row, Unsafe.Add(ref vs, i), i);
        }
        // w = tau p - (tau^2 / 2)(p . v) v, then D -= v w^T + w v^T.
        for (int i = 0; i < length; i++)
            Unsafe.Add(ref p, i) *= tau;
        double k = -0.5 * tau * Dot(ref p, ref vs, length);
        AddScaled(ref p, ref vs, k, length);
        for (int i = 0; i < length; i++)
            AddScaled2(ref band.Row(s + i, s, i + 1), ref p, -Unsafe.Add(ref vs, i), ref vs, -Unsafe.Add(ref p, i), i + 1);
    }

    /// <summary>B = B H for the block rows s2..s2+rows-1, columns s..s+length-1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FromRight(Band band, int s2, int rows, int s, int length, double[] v, double tau)
    {
        ref double vs = ref MemoryMarshal.GetArrayDataReference(v);
        for (int i = 0; i < rows; i++)
        {
            ref double row = ref band.Row(s2 + i, s, length);
            AddScaled(ref row, ref vs, -tau * Dot(ref row, ref vs, length), length);
        }
    }

    /// <summary>B = H B for the block rows s2..s2+rows-1, columns c0..c0+columns-1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FromLeft(Band band, int s2, int rows, int c0, int columns, double[] v, double tau, double[] work)
    {
        if (columns <= 0)
            return;
        ref double t = ref MemoryMarshal.GetArrayDataReference(work);
        work.AsSpan(0, columns).Clear();
        for (int i = 0; i < rows; i++)
            AddScaled(ref t, ref band.Row(s2 + i, c0, columns), v[i], columns);
        for (int i = 0; i < rows; i++)
            AddScaled(ref band.Row(s2 + i, c0, columns), ref t, -tau * v[i], columns);
    }

    /// <summary>Lower band storage with room for <c>width</c> subdiagonals: row r holds columns r - width..r contiguously.</summary>
    private sealed class Band(int n, int width)
    {
        public readonly double[] Values = new double[(long)n * (width + 1)];
        private readonly int _stride = width + 1;

        public int At(int r, int c) => r * _stride + c - r + width;

        /// <summary>Row r from column c; the caller uses at most <paramref name="count"/> entries (checked here, once).</summary>
        public ref double Row(int r, int c, int count)
        {
            int at = At(r, c);
            if ((uint)at > (uint)Values.Length || (uint)(at + count) > (uint)Values.Length || c < r - width || c + count - 1 > r)
                throw new IndexOutOfRangeException($"band row {r} has no columns {c}..{c + count - 1}");
            return ref Values[at];
        }
    }
}
