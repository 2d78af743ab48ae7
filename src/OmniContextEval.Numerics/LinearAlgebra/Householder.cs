using System.Runtime.CompilerServices;

namespace OmniContextEval.Numerics.LinearAlgebra;

/// <summary>
/// Elementary reflectors H = I - tau v v^T with v[0] = 1, stored over the vector they reduce: <see cref="Make"/> turns
/// x into (beta, v[1..]) with H x = (beta, 0, ..., 0).
/// </summary>
internal static class Householder
{
    /// <summary>Makes the reflector for x in place (x[0] becomes beta, x[1..] the tail of v) and returns tau (0: H = I).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Make(Span<double> x)
    {
        if (x.Length <= 1)
            return 0;
        var tail = x[1..];
        double tailNorm = Norm(tail);
        if (tailNorm == 0)
            return 0;
        double alpha = x[0];
        double beta = -Math.CopySign(Hypot(alpha, tailNorm), alpha);
        Scale(tail, 1 / (alpha - beta));
        x[0] = beta;
        return (beta - alpha) / beta;
    }

    /// <summary>y = H y for the reflector stored in <paramref name="v"/> (v[0] is taken as 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ApplyTo(ReadOnlySpan<double> v, double tau, Span<double> y)
    {
        double w = y[0] + VectorKernels.Dot(v[1..], y[1..]);
        y[0] -= tau * w;
        VectorKernels.AddScaled(y[1..], v[1..], -tau * w);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Scale(Span<double> x, double s)
    {
        for (int p = 0; p < x.Length; p++)
            x[p] *= s;
    }

    /// <summary>Euclidean norm, scaled so that squares neither overflow nor underflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Norm(ReadOnlySpan<double> x)
    {
        double largest = 0;
        foreach (var value in x)
            largest = Math.Max(largest, Math.Abs(value));
        if (largest == 0 || !double.IsFinite(largest))
            return largest;
        double scale = Math.ScaleB(1, -Math.ILogB(largest)), sum = 0;
        foreach (var value in x)
        {
            double scaled = value * scale;
            sum += scaled * scaled;
        }
        return Math.Sqrt(sum) / scale;
    }

    private static double Hypot(double x, double y)
    {
        double ax = Math.Abs(x), ay = Math.Abs(y), big = Math.Max(ax, ay), small = Math.Min(ax, ay);
        if (small == 0)
            return big;
        double ratio = small / big;
        return big * Math.Sqrt(1 + ratio * ratio);
    }
}
