using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OmniContextEval.Numerics.LinearAlgebra;

/// <summary>Where a region of a packed panel comes from: the operand as addressed, zeros, or the operand transposed.</summary>
internal enum RegionSource { Direct, Zero, Swapped }

/// <summary>
/// Reads panels for packing: element (lane x, depth p) at <c>offset + x * laneStride + p * depthStride</c> on the
/// diagonal (p = x) and wherever its source is <see cref="RegionSource.Direct"/>; for p &lt; x the source is
/// <paramref name="Below"/>, for p &gt; x <paramref name="Above"/> (Swapped reads (x, p) from where (p, x) would be).
/// </summary>
internal readonly record struct PanelSource(double[] Data, int Offset, int LaneStride, int DepthStride, RegionSource Below, RegionSource Above)
{
    /// <summary>Panels of <paramref name="lanes"/> lanes for lanes x0..x1-1, one after another in <paramref name="packed"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void PackBlock(int x0, int x1, int lanes, int pc, int depth, double alpha, double[] packed)
    {
        int panels = (x1 - x0 + lanes - 1) / lanes;
        if (LaneStride != 1 || Below != RegionSource.Direct || Above != RegionSource.Direct)
        {
            for (int q = 0; q < panels; q++)
                Pack(x0 + q * lanes, Math.Min(lanes, x1 - x0 - q * lanes), lanes, pc, depth, alpha, packed.AsSpan(q * lanes * depth, lanes * depth));
            return;
        }
        // Lanes are contiguous: read each depth's row segment once and deal it out to the panels.
        int count = x1 - x0, full = count / lanes, rest = count - full * lanes;
        long first = Offset + x0 + (long)pc * DepthStride, last = first + count - 1 + (long)(depth - 1) * DepthStride;
        if (first < 0 || last >= Data.Length)
            throw new IndexOutOfRangeException("matrix operand reaches outside its array");
        ref double source = ref MemoryMarshal.GetArrayDataReference(Data);
        ref double target = ref MemoryMarshal.GetArrayDataReference(packed);
        int panelSize = lanes * depth;
        for (int p = 0; p < depth; p++)
        {
            ref double from = ref Unsafe.Add(ref source, (nint)(first + (long)p * DepthStride));
            ref double to = ref Unsafe.Add(ref target, p * lanes);
            for (int q = 0; q < full; q++, from = ref Unsafe.Add(ref from, lanes), to = ref Unsafe.Add(ref to, panelSize))
                for (int t = 0; t < lanes; t++)
                    Unsafe.Add(ref to, t) = alpha * Unsafe.Add(ref from, t);
            if (rest > 0)
                for (int t = 0; t < lanes; t++)
                    Unsafe.Add(ref to, t) = t < rest ? alpha * Unsafe.Add(ref from, t) : 0;
        }
    }

    /// <summary>Writes depth x lanes values (p-major) for lanes x0..x0+count-1, zero beyond count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Pack(int x0, int count, int lanes, int pc, int depth, double alpha, Span<double> target)
    {
        int end = pc + depth;
        // Depths below every lane, across the lanes' diagonal, above every lane.
        int mixedFrom = Math.Clamp(x0, pc, end), mixedTo = Math.Clamp(x0 + count, pc, end);
        Region(Below, x0, count, lanes, pc, pc, mixedFrom, alpha, target);
        for (int p = mixedFrom; p < mixedTo; p++)
            for (int t = 0; t < count; t++)
            {
                int x = x0 + t;
                var source = p < x ? Below : p > x ? Above : RegionSource.Direct;
                target[(p - pc) * lanes + t] = source switch
                {
                    RegionSource.Zero => 0,
                    RegionSource.Direct => alpha * Data[Offset + x * LaneStride + p * DepthStride],
                    _ => alpha * Data[Offset + p * LaneStride + x * DepthStride],
                };
            }
        Region(Above, x0, count, lanes, pc, mixedTo, end, alpha, target);
        if (count < lanes)
            for (int p = 0; p < depth; p++)
                target.Slice(p * lanes + count, lanes - count).Clear();
    }

    /// <summary>
    /// C tile (rows x0..x0+5) += this operand's rows over depths [pc, pc + depth) times the packed B panel, reading
    /// the operand in place where a region has one source; the few depths across the diagonal are packed into
    /// <paramref name="scratch"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void MultiplyInPlace(int x0, int pc, int depth, ref double b, ref double c, int ldc, double[] scratch)
    {
        int end = pc + depth;
        int mixedFrom = Math.Clamp(x0, pc, end), mixedTo = Math.Clamp(x0 + GemmKernel.Rows, pc, end);
        Strided(Below, x0, pc, mixedFrom, pc, ref b, ref c, ldc);
        if (mixedTo > mixedFrom)
        {
            Pack(x0, GemmKernel.Rows, GemmKernel.Rows, mixedFrom, mixedTo - mixedFrom, 1, scratch);
            GemmKernel.Run(mixedTo - mixedFrom, ref scratch[0], ref Unsafe.Add(ref b, (mixedFrom - pc) * GemmKernel.Columns), ref c, ldc);
        }
        Strided(Above, x0, mixedTo, end, pc, ref b, ref c, ldc);
    }

    private void Strided(RegionSource source, int x0, int p0, int p1, int pc, ref double b, ref double c, int ldc)
    {
        if (p0 >= p1 || source == RegionSource.Zero)
            return;
        var (laneStep, depthStep) = source == RegionSource.Direct ? (LaneStride, DepthStride) : (DepthStride, LaneStride);
        long origin = Offset + (long)x0 * laneStep + (long)p0 * depthStep;
        long last = origin + (long)(GemmKernel.Rows - 1) * laneStep + (long)(p1 - p0 - 1) * depthStep;
        if (Math.Min(origin, last) < 0 || Math.Max(origin, last) >= Data.Length)
            throw new IndexOutOfRangeException("matrix operand reaches outside its array");
        GemmKernel.RunStrided(p1 - p0, ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Data), (nint)origin), laneStep, depthStep,
                              ref Unsafe.Add(ref b, (p0 - pc) * GemmKernel.Columns), ref c, ldc);
    }

    /// <summary>Depths [p0, p1) of lanes 0..count-1, all from one source.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Region(RegionSource source, int x0, int count, int lanes, int pc, int p0, int p1, double alpha, Span<double> target)
    {
        if (p0 >= p1)
            return;
        ref double to = ref Unsafe.Add(ref MemoryMarshal.GetReference(target), (p0 - pc) * lanes);
        if (source == RegionSource.Zero)
        {
            for (int p = p0; p < p1; p++, to = ref Unsafe.Add(ref to, lanes))
                for (int t = 0; t < count; t++)
                    Unsafe.Add(ref to, t) = 0;
            return;
        }
        // Step between lanes and between depths in the array; bounds are checked once here.
        var (laneStep, depthStep) = source == RegionSource.Direct ? (LaneStride, DepthStride) : (DepthStride, LaneStride);
        long origin = Offset + (long)x0 * laneStep + (long)p0 * depthStep;
        long last = origin + (long)(count - 1) * laneStep + (long)(p1 - p0 - 1) * depthStep;
        if (origin < 0 || last >= Data.Length || Math.Min(origin, last) < 0)
            throw new IndexOutOfRangeException("matrix operand reaches outside its array");
        ref double from = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Data), (nint)origin);
        for (int p = p0; p < p1; p++, to = ref Unsafe.Add(ref to, lanes), from = ref Unsafe.Add(ref from, depthStep))
            for (int t = 0; t < count; t++)
                Unsafe.Add(ref to, t) = alpha * Unsafe.Add(ref from, t * laneStep);
    }
}
