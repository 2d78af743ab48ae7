using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OmniContextEval.Numerics.LinearAlgebra;

/// <summary>
/// C += alpha op(A) op(B) in float64, cache-blocked in the usual way (a <see cref="DepthBlock"/>-deep slice of B
/// packed once and shared, <see cref="RowBlock"/>-row blocks of A packed per task, <see cref="GemmKernel"/> on
/// register tiles). Blocks of rows run in parallel; every element of C is summed over depth slices in order and
/// within a slice by the kernel, so the result does not depend on the thread count. Operands that are known
/// triangular (<see cref="MatrixOperand.Part"/>) skip their zero blocks and, per register tile, their zero depths;
/// a triangular result part writes only that part.
/// </summary>
internal static class Gemm
{
    public const int DepthBlock = 256, RowBlock = 96, ColumnBlock = 2048;
    /// <summary>Columns of C per parallel task (a multiple of the kernel's width).</summary>
    private const int TaskColumns = 512;
    /// <summary>Up to this many columns of C, A is not packed but read in place.</summary>
    private const int InPlaceColumns = 64;
    private const int MR = GemmKernel.Rows, NR = GemmKernel.Columns;

    [ThreadStatic] private static double[]? _packedA;

    /// <summary>C (<paramref name="m"/> x <paramref name="n"/>, row-major, rows <paramref name="ldc"/> apart from <paramref name="cOffset"/>) += alpha op(A) op(B), with op(A) m x k and op(B) k x n.</summary>
    public static void MultiplyAdd(int m, int n, int k, double alpha, MatrixOperand a, MatrixOperand b,
                                   double[] c, int cOffset, int ldc, MatrixPart cPart = MatrixPart.Full)
    {
        if (m <= 0 || n <= 0 || k <= 0)
            return;
        // The kernels write whole tiles of C without bounds checks: check its extent once.
        if (cOffset < 0 || ldc < n || cOffset + (long)(m - 1) * ldc + n > c.Length)
            throw new ArgumentOutOfRangeException(nameof(ldc), $"a {m} x {n} result with rows {ldc} apart from {cOffset} does not fit in {c.Length} values");
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
                    // A few columns only: A is read in place (scaling B instead), since packing it would cost about as much as using it.
                    bool inPlace = jHi - jLo <= InPlaceColumns;
                    PackB(b, inPlace ? alpha : 1, pc, depth, jLo, jHi, packedB);
                    int blocks = (iHi - iLo + RowBlock - 1) / RowBlock;
                    int chunks = (jHi - jLo + TaskColumns - 1) / TaskColumns;
                    var slice = new Slice(m, n, pc, depth, inPlace ? 1 : alpha, a, b.Part, inPlace, packedB, jLo, jHi, c, cOffset, ldc, cPart);
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
    private static void PackB(MatrixOperand b, double alpha, int pc, int depth, int jLo, int jHi, double[] packed)
    {
        // Lane x = column j, depth p = row: element at Offset + p * RowStride + x * ColumnStride.
        var (below, above) = b.Part switch
        {
            MatrixPart.Lower => (RegionSource.Zero, RegionSource.Direct),     // zero where column > row
            MatrixPart.Upper => (RegionSource.Direct, RegionSource.Zero),
            MatrixPart.Symmetric => (RegionSource.Direct, RegionSource.Swapped), // row > column read as (column, row)
            _ => (RegionSource.Direct, RegionSource.Direct),
        };
        new PanelSource(b.Data, b.Offset, b.ColumnStride, b.RowStride, below, above).PackBlock(jLo, jHi, NR, pc, depth, alpha, packed);
    }

    /// <summary>alpha op(A)[i0..i1, pc..) as panels of <see cref="MR"/> rows, each depth x MR, zero-padded.</summary>
    private static void PackA(MatrixOperand a, double alpha, int pc, int depth, int i0, int i1, double[] packed) =>
        RowsOf(a).PackBlock(i0, i1, MR, pc, depth, alpha, packed);

    /// <summary>op(A) with rows as lanes: element (row x, column p) at Offset + x * RowStride + p * ColumnStride.</summary>
    private static PanelSource RowsOf(MatrixOperand a)
    {
        var (below, above) = a.Part switch
        {
            MatrixPart.Lower => (RegionSource.Direct, RegionSource.Zero),     // zero where column > row
            MatrixPart.Upper => (RegionSource.Zero, RegionSource.Direct),
            MatrixPart.Symmetric => (RegionSource.Swapped, RegionSource.Direct), // column < row read as (column, row)
            _ => (RegionSource.Direct, RegionSource.Direct),
        };
        return new PanelSource(a.Data, a.Offset, a.RowStride, a.ColumnStride, below, above);
    }

    /// <summary>One depth slice: B packed, blocks of rows computed independently.</summary>
    private sealed record Slice(int M, int N, int Pc, int Depth, double Alpha, MatrixOperand A, MatrixPart BPart, bool InPlace, double[] PackedB,
                                int JLo, int JHi, double[] C, int COffset, int Ldc, MatrixPart CPart)
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
            if (InPlace)
            {
                RunInPlace(i0, i1, firstPanel, lastPanel, packedA);
                return;
            }
            PackA(A, Alpha, Pc, Depth, i0, i1, packedA);
            Span<double> tile = stackalloc double[MR * NR];
            for (int panel = firstPanel; panel < lastPanel; panel++)
            {
                int jt = JLo + panel * NR;
                ref double b = ref PackedB[panel * NR * Depth];
                for (int r0 = i0; r0 < i1; r0 += MR)
                {
                    if (Skipped(r0, jt))
                        continue;
                    // Depths where neither the A rows nor the B columns of this tile are known zero.
                    int from = Pc, to = Pc + Depth;
                    if (A.Part == MatrixPart.Upper)
                        from = Math.Max(from, r0);
                    else if (A.Part == MatrixPart.Lower)
                        to = Math.Min(to, r0 + MR);
                    if (BPart == MatrixPart.Lower)
                        from = Math.Max(from, jt);
                    else if (BPart == MatrixPart.Upper)
                        to = Math.Min(to, jt + NR);
                    if (from >= to)
                        continue;
                    ref double a = ref packedA[(r0 - i0) * Depth + (from - Pc) * MR];
                    ref double bFrom = ref Unsafe.Add(ref b, (from - Pc) * NR);
                    if (Whole(r0, jt))
                        GemmKernel.Run(to - from, ref a, ref bFrom, ref C[COffset + r0 * Ldc + jt], Ldc);
                    else
                        AddPartialTile(to - from, ref a, ref bFrom, r0, i1, jt, tile);
                }
            }
        }

        /// <summary>Whether the tile at (r0, jt) lies inside C and inside the written part, so the kernel may add to C directly.</summary>
        private bool Whole(int r0, int jt) => r0 + MR <= M && jt + NR <= N
            && (CPart == MatrixPart.Full || (CPart == MatrixPart.Lower && jt + NR - 1 <= r0) || (CPart == MatrixPart.Upper && jt >= r0 + MR - 1));

        private bool Skipped(int r0, int jt) => (CPart == MatrixPart.Lower && jt > r0 + MR - 1) || (CPart == MatrixPart.Upper && jt + NR - 1 < r0);

        /// <summary>A tile at an edge of C or across the diagonal of a triangular part: summed aside, then added where it belongs.</summary>
        private void AddPartialTile(int depth, ref double a, ref double b, int r0, int i1, int jt, Span<double> tile)
        {
            tile.Clear();
            GemmKernel.Run(depth, ref a, ref b, ref tile[0], NR);
            for (int r = 0; r < MR && r0 + r < i1; r++)
                for (int j = 0; j < NR && jt + j < N; j++)
                {
                    int row = r0 + r, col = jt + j;
                    if ((CPart == MatrixPart.Lower && col > row) || (CPart == MatrixPart.Upper && col < row))
                        continue;
                    C[COffset + row * Ldc + col] += tile[r * NR + j];
                }
        }

        /// <summary>Rows [i0, i1) with A read in place: row tiles outer, so the six rows stay in cache across the few panels of B.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void RunInPlace(int i0, int i1, int firstPanel, int lastPanel, double[] scratch)
        {
            var rows = RowsOf(A);
            Span<double> tile = stackalloc double[MR * NR];
            for (int r0 = i0; r0 < i1; r0 += MR)
            {
                bool packed = r0 + MR > i1;
                if (packed)
                    rows.Pack(r0, i1 - r0, MR, Pc, Depth, 1, scratch);
                for (int panel = firstPanel; panel < lastPanel; panel++)
                {
                    int jt = JLo + panel * NR;
                    if (Skipped(r0, jt))
                        continue;
                    ref double b = ref PackedB[panel * NR * Depth];
                    if (!packed && Whole(r0, jt))
                        rows.MultiplyInPlace(r0, Pc, Depth, ref b, ref C[COffset + r0 * Ldc + jt], Ldc, scratch);
                    else
                    {
                        if (!packed)
                            rows.Pack(r0, MR, MR, Pc, Depth, 1, scratch);
                        packed = true;
                        AddPartialTile(Depth, ref scratch[0], ref b, r0, i1, jt, tile);
                    }
                }
            }
        }
    }
}
