using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OmniContextEval.Metrics.LinearAlgebra;

/// <summary>
/// C += alpha op(A) op(B) in float64, cache-blocked in the usual way (a <see cref="DepthBlock"/>-deep slice of B
/// packed once and shared, <see cref="RowBlock"/>-row blocks of A packed per task, <see cref="GemmKernel"/> on
/// register tiles). Blocks of rows run in parallel; every element of C is summed over depth slices in order and
/// within a slice by the kernel, so the result does not depend on the thread count. Operands that are known
/// triangular (<see cref="MatrixOperand.Part"/>) skip their zero blocks, and a triangular result part writes only that part.
/// </summary>
internal static class Gemm
{
    public const int DepthBlock = 256, RowBlock = 96, ColumnBlock = 2048;
    /// <summary>Columns of C per parallel task (a multiple of the kernel's width).</summary>
    private const int TaskColumns = 512;
    private const int MR = GemmKernel.Rows, NR = GemmKernel.Columns;

    [ThreadStatic] private static double[]? _packedA;

    /// <summary>C (<paramref name="m"/> x <paramref name="n"/>, row-major, rows <paramref name="ldc"/> apart from <paramref name="cOffset"/>) += alpha op(A) op(B), with op(A) m x k and op(B) k x n.</summary>
    public static void MultiplyAdd(int m, int n, int k, double alpha, MatrixOperand a, MatrixOperand b,
                                   double[] c, int cOffset, int ldc, MatrixPart cPart = MatrixPart.Full)
    {
        if (m <= 0 || n <= 0 || k <= 0)
            return;
        var packedB = ArrayPool<double>.Shared.Rent(DepthBlock * (ColumnBlock + NR));
        try
        {
            for (int jc = 0; jc < n; jc += ColumnBlock)
            {
                int jcEnd = Math.Min(n, jc + ColumnBlock);
                for (int pc = 0; pc < k; pc += DepthBlock)
                {
                    int depth = Math.Min(DepthBlock, k - pc);
                    // Columns and rows that can be nonzero for this depth slice.
                    int jLo = b.Part == MatrixPart.Upper ? Math.Max(jc, pc) : jc;
                    int jHi = b.Part == MatrixPart.Lower ? Math.Min(jcEnd, pc + depth) : jcEnd;
                    int iLo = a.Part == MatrixPart.Lower ? Math.Min(m, pc) : 0;
                    int iHi = a.Part == MatrixPart.Upper ? Math.Min(m, pc + depth) : m;
                    if (jLo >= jHi || iLo >= iHi)
                        continue;
                    jLo = jc + (jLo - jc) / NR * NR;
                    PackB(b, pc, depth, jLo, jHi, packedB);
                    int blocks = (iHi - iLo + RowBlock - 1) / RowBlock;
                    int chunks = (jHi - jLo + TaskColumns - 1) / TaskColumns;
                    var slice = new Slice(m, n, pc, depth, alpha, a, packedB, jLo, jHi, c, cOffset, ldc, cPart);
                    Parallelism.For(0, blocks * chunks, task =>
                    {
                        int block = task / chunks, chunk = task % chunks;
                        slice.Run(iLo + block * RowBlock, Math.Min(iHi, iLo + (block + 1) * RowBlock),
                                  jLo + chunk * TaskColumns, Math.Min(jHi, jLo + (chunk + 1) * TaskColumns));
                    });
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(packedB);
        }
    }

    /// <summary>op(B)[pc.., jLo..jHi) as panels of <see cref="NR"/> columns, each depth x NR, zero-padded.</summary>
    private static void PackB(MatrixOperand b, int pc, int depth, int jLo, int jHi, double[] packed)
    {
        // Lane x = column j, depth p = row: element at Offset + p * RowStride + x * ColumnStride.
        var (below, above) = b.Part switch
        {
            MatrixPart.Lower => (Source.Zero, Source.Direct),     // zero where column > row
            MatrixPart.Upper => (Source.Direct, Source.Zero),
            MatrixPart.Symmetric => (Source.Direct, Source.Swapped), // row > column read as (column, row)
            _ => (Source.Direct, Source.Direct),
        };
        new PanelSource(b.Data, b.Offset, b.ColumnStride, b.RowStride, below, above).PackBlock(jLo, jHi, NR, pc, depth, 1, packed);
    }

    /// <summary>alpha op(A)[i0..i1, pc..) as panels of <see cref="MR"/> rows, each depth x MR, zero-padded.</summary>
    private static void PackA(MatrixOperand a, double alpha, int pc, int depth, int i0, int i1, double[] packed)
    {
        // Lane x = row i, depth p = column: element at Offset + x * RowStride + p * ColumnStride.
        var (below, above) = a.Part switch
        {
            MatrixPart.Lower => (Source.Direct, Source.Zero),     // zero where column > row
            MatrixPart.Upper => (Source.Zero, Source.Direct),
            MatrixPart.Symmetric => (Source.Swapped, Source.Direct), // column < row read as (column, row)
            _ => (Source.Direct, Source.Direct),
        };
        new PanelSource(a.Data, a.Offset, a.RowStride, a.ColumnStride, below, above).PackBlock(i0, i1, MR, pc, depth, alpha, packed);
    }

    private enum Source { Direct, Zero, Swapped }

    /// <summary>
    /// Reads panels for packing: element (lane x, depth p) at <c>offset + x * laneStride + p * depthStride</c> on the
    /// diagonal (p = x) and wherever its source is <see cref="Source.Direct"/>; for p &lt; x the source is
    /// <paramref name="Below"/>, for p &gt; x <paramref name="Above"/> (Swapped reads (x, p) from where (p, x) would be).
    /// </summary>
    private readonly record struct PanelSource(double[] Data, int Offset, int LaneStride, int DepthStride, Source Below, Source Above)
    {
        /// <summary>Panels of <paramref name="lanes"/> lanes for lanes x0..x1-1, one after another in <paramref name="packed"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void PackBlock(int x0, int x1, int lanes, int pc, int depth, double alpha, double[] packed)
        {
            int panels = (x1 - x0 + lanes - 1) / lanes;
            if (LaneStride != 1 || Below != Source.Direct || Above != Source.Direct)
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
                    var source = p < x ? Below : p > x ? Above : Source.Direct;
                    target[(p - pc) * lanes + t] = source switch
                    {
                        Source.Zero => 0,
                        Source.Direct => alpha * Data[Offset + x * LaneStride + p * DepthStride],
                        _ => alpha * Data[Offset + p * LaneStride + x * DepthStride],
                    };
                }
            Region(Above, x0, count, lanes, pc, mixedTo, end, alpha, target);
            if (count < lanes)
                for (int p = 0; p < depth; p++)
                    target.Slice(p * lanes + count, lanes - count).Clear();
        }

        /// <summary>Depths [p0, p1) of lanes 0..count-1, all from one source.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Region(Source source, int x0, int count, int lanes, int pc, int p0, int p1, double alpha, Span<double> target)
        {
            if (p0 >= p1)
                return;
            ref double to = ref Unsafe.Add(ref MemoryMarshal.GetReference(target), (p0 - pc) * lanes);
            if (source == Source.Zero)
            {
                for (int p = p0; p < p1; p++, to = ref Unsafe.Add(ref to, lanes))
                    for (int t = 0; t < count; t++)
                        Unsafe.Add(ref to, t) = 0;
                return;
            }
            // Step between lanes and between depths in the array; bounds are checked once here.
            var (laneStep, depthStep) = source == Source.Direct ? (LaneStride, DepthStride) : (DepthStride, LaneStride);
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

    /// <summary>One depth slice: B packed, blocks of rows computed independently.</summary>
    private sealed record Slice(int M, int N, int Pc, int Depth, double Alpha, MatrixOperand A, double[] PackedB, int JLo, int JHi,
                                double[] C, int COffset, int Ldc, MatrixPart CPart)
    {
        /// <summary>Rows [i0, i1) and columns [j0, j1) of C (j0 - JLo a multiple of the kernel's width).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(int i0, int i1, int j0, int j1)
        {
            int jFrom = CPart == MatrixPart.Upper ? Math.Max(j0, i0) : j0;
            int jTo = CPart == MatrixPart.Lower ? Math.Min(j1, i1) : j1;
            if (jFrom >= jTo)
                return;
            int firstPanel = (jFrom - JLo) / NR, lastPanel = (jTo - JLo + NR - 1) / NR;
            var packedA = _packedA ??= new double[RowBlock * DepthBlock];
            PackA(A, Alpha, Pc, Depth, i0, i1, packedA);
            Span<double> tile = stackalloc double[MR * NR];
            for (int panel = firstPanel; panel < lastPanel; panel++)
            {
                int jt = JLo + panel * NR;
                ref double b = ref PackedB[panel * NR * Depth];
                for (int r0 = i0; r0 < i1; r0 += MR)
                {
                    if ((CPart == MatrixPart.Lower && jt > r0 + MR - 1) || (CPart == MatrixPart.Upper && jt + NR - 1 < r0))
                        continue;
                    ref double a = ref packedA[(r0 - i0) * Depth];
                    bool whole = r0 + MR <= M && jt + NR <= N
                        && (CPart == MatrixPart.Full || (CPart == MatrixPart.Lower && jt + NR - 1 <= r0) || (CPart == MatrixPart.Upper && jt >= r0 + MR - 1));
                    if (whole)
                    {
                        GemmKernel.Run(Depth, ref a, ref b, ref C[COffset + r0 * Ldc + jt], Ldc);
                        continue;
                    }
                    tile.Clear();
                    GemmKernel.Run(Depth, ref a, ref b, ref tile[0], NR);
                    for (int r = 0; r < MR && r0 + r < i1; r++)
                        for (int j = 0; j < NR && jt + j < N; j++)
                        {
                            int row = r0 + r, col = jt + j;
                            if ((CPart == MatrixPart.Lower && col > row) || (CPart == MatrixPart.Upper && col < row))
                                continue;
                            C[COffset + row * Ldc + col] += tile[r * NR + j];
                        }
                }
            }
        }
    }
}
