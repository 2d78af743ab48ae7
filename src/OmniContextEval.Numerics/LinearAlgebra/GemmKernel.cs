using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;
using System.Runtime.Intrinsics;

namespace OmniContextEval.Numerics.LinearAlgebra;

/// <summary>
/// The register-blocked inner product of <see cref="Gemm"/>: a <see cref="Rows"/> x <see cref="Columns"/> tile of C
/// gets the sum over p of a[p][r] b[p][c], from packed panels (A: <see cref="Rows"/> values per p; B: <see cref="Columns"/>).
/// Twelve 256-bit accumulators with fused multiply-add; the sum runs over p in order, so it is deterministic.
/// </summary>
internal static class GemmKernel
{
    public const int Rows = 6, Columns = 8;

    /// <summary>C[r, c] += tile sum, for a full tile of C with rows <paramref name="ldc"/> apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int depth, ref double a, ref double b, ref double c, int ldc)
    {
        var c00 = Vector256<double>.Zero; var c01 = Vector256<double>.Zero;
        var c10 = Vector256<double>.Zero; var c11 = Vector256<double>.Zero;
        var c20 = Vector256<double>.Zero; var c21 = Vector256<double>.Zero;
        var c30 = Vector256<double>.Zero; var c31 = Vector256<double>.Zero;
        var c40 = Vector256<double>.Zero; var c41 = Vector256<double>.Zero;
        var c50 = Vector256<double>.Zero; var c51 = Vector256<double>.Zero;
        for (int p = 0; p < depth; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref b);
            var b1 = Vector256.LoadUnsafe(ref b, 4);
            var x = Vector256.Create(a);
            c00 = MulAdd(x, b0, c00); c01 = MulAdd(x, b1, c01);
            x = Vector256.Create(Unsafe.Add(ref a, 1));
            c10 = MulAdd(x, b0, c10); c11 = MulAdd(x, b1, c11);
            x = Vector256.Create(Unsafe.Add(ref a, 2));
            c20 = MulAdd(x, b0, c20); c21 = MulAdd(x, b1, c21);
            x = Vector256.Create(Unsafe.Add(ref a, 3));
            c30 = MulAdd(x, b0, c30); c31 = MulAdd(x, b1, c31);
            x = Vector256.Create(Unsafe.Add(ref a, 4));
            c40 = MulAdd(x, b0, c40); c41 = MulAdd(x, b1, c41);
            x = Vector256.Create(Unsafe.Add(ref a, 5));
            c50 = MulAdd(x, b0, c50); c51 = MulAdd(x, b1, c51);
            a = ref Unsafe.Add(ref a, Rows);
            b = ref Unsafe.Add(ref b, Columns);
        }
        Store(ref c, c00, c01);
        Store(ref Unsafe.Add(ref c, ldc), c10, c11);
        Store(ref Unsafe.Add(ref c, 2 * ldc), c20, c21);
        Store(ref Unsafe.Add(ref c, 3 * ldc), c30, c31);
        Store(ref Unsafe.Add(ref c, 4 * ldc), c40, c41);
        Store(ref Unsafe.Add(ref c, 5 * ldc), c50, c51);
    }

    /// <summary>
    /// As <see cref="Run"/>, but A read in place: value r of depth p at <c>a[r * laneStep + p * depthStep]</c>
    /// (for an operand used once, where packing it would cost as much as the products).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunStrided(int depth, ref double a, nint laneStep, nint depthStep, ref double b, ref double c, int ldc)
    {
        nint o1 = laneStep, o2 = 2 * laneStep, o3 = 3 * laneStep, o4 = 4 * laneStep, o5 = 5 * laneStep;
        var c00 = Vector256<double>.Zero; var c01 = Vector256<double>.Zero;
        var c10 = Vector256<double>.Zero; var c11 = Vector256<double>.Zero;
        var c20 = Vector256<double>.Zero; var c21 = Vector256<double>.Zero;
        var c30 = Vector256<double>.Zero; var c31 = Vector256<double>.Zero;
        var c40 = Vector256<double>.Zero; var c41 = Vector256<double>.Zero;
        var c50 = Vector256<double>.Zero; var c51 = Vector256<double>.Zero;
        for (int p = 0; p < depth; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref b);
            var b1 = Vector256.LoadUnsafe(ref b, 4);
            var x = Vector256.Create(a);
            c00 = MulAdd(x, b0, c00); c01 = MulAdd(x, b1, c01);
            x = Vector256.Create(Unsafe.Add(ref a, o1));
            c10 = MulAdd(x, b0, c10); c11 = MulAdd(x, b1, c11);
            x = Vector256.Create(Unsafe.Add(ref a, o2));
            c20 = MulAdd(x, b0, c20); c21 = MulAdd(x, b1, c21);
            x = Vector256.Create(Unsafe.Add(ref a, o3));
            c30 = MulAdd(x, b0, c30); c31 = MulAdd(x, b1, c31);
            x = Vector256.Create(Unsafe.Add(ref a, o4));
            c40 = MulAdd(x, b0, c40); c41 = MulAdd(x, b1, c41);
            x = Vector256.Create(Unsafe.Add(ref a, o5));
            c50 = MulAdd(x, b0, c50); c51 = MulAdd(x, b1, c51);
            a = ref Unsafe.Add(ref a, depthStep);
            b = ref Unsafe.Add(ref b, Columns);
        }
        Store(ref c, c00, c01);
        Store(ref Unsafe.Add(ref c, ldc), c10, c11);
        Store(ref Unsafe.Add(ref c, 2 * ldc), c20, c21);
        Store(ref Unsafe.Add(ref c, 3 * ldc), c30, c31);
        Store(ref Unsafe.Add(ref c, 4 * ldc), c40, c41);
        Store(ref Unsafe.Add(ref c, 5 * ldc), c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MulAdd(Vector256<double> x, Vector256<double> y, Vector256<double> sum) =>
        Fma.IsSupported ? Fma.MultiplyAdd(x, y, sum) : x * y + sum;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref double row, Vector256<double> left, Vector256<double> right)
    {
        (Vector256.LoadUnsafe(ref row) + left).StoreUnsafe(ref row);
        (Vector256.LoadUnsafe(ref row, 4) + right).StoreUnsafe(ref row, 4);
    }
}
