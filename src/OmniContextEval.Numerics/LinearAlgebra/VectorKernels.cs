using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OmniContextEval.Numerics.LinearAlgebra;

/// <summary>
/// The level-1 kernels the factorisations share (dot product, y += s x), in 256-bit vectors with fused multiply-add
/// where the processor has it. Each sums in a fixed order, so results are reproducible. The span overloads check
/// lengths once; the ref overloads are for callers that have checked their ranges.
/// </summary>
internal static class VectorKernels
{
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (y.Length < x.Length)
            throw new ArgumentException("vectors differ in length");
        return Dot(ref MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(y), x.Length);
    }

    /// <summary>y += s x.</summary>
    public static void AddScaled(Span<double> y, ReadOnlySpan<double> x, double s)
    {
        if (x.Length < y.Length)
            throw new ArgumentException("vectors differ in length");
        AddScaled(ref MemoryMarshal.GetReference(y), ref MemoryMarshal.GetReference(x), s, y.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ref double x, ref double y, int n)
    {
        int i = 0;
        double sum = 0;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            Vector256<double> s0 = Vector256<double>.Zero, s1 = Vector256<double>.Zero;
            for (; i + 8 <= n; i += 8)
            {
                s0 = MulAdd(Vector256.LoadUnsafe(ref x, (nuint)i), Vector256.LoadUnsafe(ref y, (nuint)i), s0);
                s1 = MulAdd(Vector256.LoadUnsafe(ref x, (nuint)(i + 4)), Vector256.LoadUnsafe(ref y, (nuint)(i + 4)), s1);
            }
            sum = Vector256.Sum(s0 + s1);
        }
        for (; i < n; i++)
            sum += Unsafe.Add(ref x, i) * Unsafe.Add(ref y, i);
        return sum;
    }

    /// <summary>y += s x over n elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled(ref double y, ref double x, double s, int n)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vs = Vector256.Create(s);
            for (; i + 4 <= n; i += 4)
                MulAdd(vs, Vector256.LoadUnsafe(ref x, (nuint)i), Vector256.LoadUnsafe(ref y, (nuint)i)).StoreUnsafe(ref y, (nuint)i);
        }
        for (; i < n; i++)
            Unsafe.Add(ref y, i) += s * Unsafe.Add(ref x, i);
    }

    /// <summary>y += s x + t z over n elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled2(ref double y, ref double x, double s, ref double z, double t, int n)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> vs = Vector256.Create(s), vt = Vector256.Create(t);
            for (; i + 4 <= n; i += 4)
            {
                var sum = MulAdd(vs, Vector256.LoadUnsafe(ref x, (nuint)i), Vector256.LoadUnsafe(ref y, (nuint)i));
                MulAdd(vt, Vector256.LoadUnsafe(ref z, (nuint)i), sum).StoreUnsafe(ref y, (nuint)i);
            }
        }
        for (; i < n; i++)
            Unsafe.Add(ref y, i) += s * Unsafe.Add(ref x, i) + t * Unsafe.Add(ref z, i);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MulAdd(Vector256<double> x, Vector256<double> y, Vector256<double> sum) =>
        Fma.IsSupported ? Fma.MultiplyAdd(x, y, sum) : x * y + sum;
}
