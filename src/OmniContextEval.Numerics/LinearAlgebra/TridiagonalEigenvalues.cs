using System.Runtime.CompilerServices;
namespace OmniContextEval.Numerics.LinearAlgebra;

/// <summary>
/// Eigenvalues of a symmetric tridiagonal matrix by the square-root-free implicit QL/QR iteration of Pal, Walker
/// and Kahan (the method of LAPACK's dsterf): it works on the squared off-diagonal, needs no eigenvectors, and picks
/// QL or QR per unreduced block by which end has the larger diagonal element. Each block is scaled by a power of two to
/// keep squares in range.
/// </summary>
internal static class TridiagonalEigenvalues
{
    private const double Eps = 1.1102230246251565e-16; // 2^-53, unit round-off
    private const int MaxSweepsPerEigenvalue = 30;

    /// <summary>Overwrites <paramref name="diagonal"/> (n) with the eigenvalues, in no particular order; <paramref name="offDiagonal"/> (n - 1) is destroyed.</summary>
    /// <exception cref="InvalidOperationException">The iteration did not converge (does not happen for finite input in practice).</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Compute(double[] diagonal, double[] offDiagonal, int n)
    {
        var d = diagonal;
        var e = offDiagonal;
        int iterations = 0, limit = MaxSweepsPerEigenvalue * n;
        int start = 0;
        while (start < n)
        {
            // Split off the unreduced block [start, end] at negligible off-diagonal elements.
            int end = start;
            while (end < n - 1)
            {
                if (Math.Abs(e[end]) <= Math.Sqrt(Math.Abs(d[end])) * Math.Sqrt(Math.Abs(d[end + 1])) * Eps)
                {
                    e[end] = 0;
                    break;
                }
                end++;
            }
            int next = end + 1;
            if (end > start)
            {
                double scale = BlockScale(d, e, start, end);
                ScaleBlock(d, e, start, end, 1 / scale);
                for (int i = start; i < end; i++)
                    e[i] *= e[i];
                if (Math.Abs(d[end]) < Math.Abs(d[start]))
                    QR(d, e, end, start, ref iterations, limit);
                else
                    QL(d, e, start, end, ref iterations, limit);
                for (int i = start; i <= end; i++)
                    d[i] *= scale;
            }
            start = next;
        }
    }

    /// <summary>QL sweeps on the block [l, lend], l &lt; lend, deflating eigenvalues at l.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void QL(double[] d, double[] e, int l, int lend, ref int iterations, int limit)
    {
        const double eps2 = Eps * Eps;
        while (l <= lend)
        {
            int m = l;
            while (m < lend && Math.Abs(e[m]) > eps2 * Math.Abs(d[m] * d[m + 1]))
                m++;
            if (m < lend)
                e[m] = 0;
            if (m == l)
            {
                l++;
                continue;
            }
            if (m == l + 1)
            {
                (d[l], d[l + 1]) = Eigenvalues2x2(d[l], Math.Sqrt(e[l]), d[l + 1]);
                e[l] = 0;
                l += 2;
                continue;
            }
            if (++iterations > limit)
                throw new InvalidOperationException("tridiagonal QL iteration did not converge");
            double p = d[l];
            double offRoot = Math.Sqrt(e[l]);
            double sigma = (d[l + 1] - p) / (2 * offRoot);
            double r = Hypot1(sigma);
            sigma = p - offRoot / (sigma + Math.CopySign(r, sigma));
            double c = 1, s = 0, gamma = d[m] - sigma;
            p = gamma * gamma;
            for (int i = m - 1; i >= l; i--)
            {
                double bb = e[i];
                r = p + bb;
                if (i != m - 1)
                    e[i + 1] = s * r;
                double oldC = c;
                c = p / r;
                s = bb / r;
                double oldGamma = gamma, alpha = d[i];
                gamma = c * (alpha - sigma) - s * oldGamma;
                d[i + 1] = oldGamma + (alpha - gamma);
                p = c != 0 ? gamma * gamma / c : oldC * bb;
            }
            e[l] = s * p;
            d[l] = sigma + gamma;
        }
    }

    /// <summary>QR sweeps on the block [lend, l], lend &lt; l, deflating eigenvalues at l.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void QR(double[] d, double[] e, int l, int lend, ref int iterations, int limit)
    {
        const double eps2 = Eps * Eps;
        while (l >= lend)
        {
            int m = l;
            while (m > lend && Math.Abs(e[m - 1]) > eps2 * Math.Abs(d[m] * d[m - 1]))
                m--;
            if (m > lend)
                e[m - 1] = 0;
            if (m == l)
            {
                l--;
                continue;
            }
            if (m == l - 1)
            {
                (d[l], d[l - 1]) = Eigenvalues2x2(d[l], Math.Sqrt(e[l - 1]), d[l - 1]);
                e[l - 1] = 0;
                l -= 2;
                continue;
            }
            if (++iterations > limit)
                throw new InvalidOperationException("tridiagonal QR iteration did not converge");
            double p = d[l];
            double offRoot = Math.Sqrt(e[l - 1]);
            double sigma = (d[l - 1] - p) / (2 * offRoot);
            double r = Hypot1(sigma);
            sigma = p - offRoot / (sigma + Math.CopySign(r, sigma));
            double c = 1, s = 0, gamma = d[m] - sigma;
            p = gamma * gamma;
            for (int i = m; i < l; i++)
            {
                double bb = e[i];
                r = p + bb;
                if (i != m)
                    e[i - 1] = s * r;
                double oldC = c;
                c = p / r;
                s = bb / r;
                double oldGamma = gamma, alpha = d[i + 1];
                gamma = c * (alpha - sigma) - s * oldGamma;
                d[i] = oldGamma + (alpha - gamma);
                p = c != 0 ? gamma * gamma / c : oldC * bb;
            }
            e[l - 1] = s * p;
            d[l] = sigma + gamma;
        }
    }

    /// <summary>Eigenvalues (larger first in absolute value) of [[a, b], [b, c]], computed without cancellation.</summary>
    internal static (double, double) Eigenvalues2x2(double a, double b, double c)
    {
        double sum = a + c, difference = Math.Abs(a - c), twoB = Math.Abs(b + b);
        var (larger, smaller) = Math.Abs(a) > Math.Abs(c) ? (a, c) : (c, a);
        double root = difference > twoB ? difference * Math.Sqrt(1 + (twoB / difference) * (twoB / difference))
            : difference < twoB ? twoB * Math.Sqrt(1 + (difference / twoB) * (difference / twoB))
            : twoB * Math.Sqrt(2);
        if (sum == 0)
            return (0.5 * root, -0.5 * root);
        double first = 0.5 * (sum + Math.CopySign(root, sum));
        // the other from the determinant, a c - b^2 = first * second
        double second = larger / first * smaller - b / first * b;
        return (first, second);
    }

    private static double Hypot1(double x)
    {
        double ax = Math.Abs(x);
        return ax > 1 ? ax * Math.Sqrt(1 + 1 / (ax * ax)) : Math.Sqrt(1 + ax * ax);
    }

    /// <summary>A power of two near the largest magnitude in the block (1 when the block is all zero).</summary>
    private static double BlockScale(double[] d, double[] e, int start, int end)
    {
        double largest = 0;
        for (int i = start; i <= end; i++)
            largest = Math.Max(largest, Math.Abs(d[i]));
        for (int i = start; i < end; i++)
            largest = Math.Max(largest, Math.Abs(e[i]));
        return largest > 0 && double.IsFinite(largest) ? Math.ScaleB(1, Math.ILogB(largest)) : 1;
    }

    private static void ScaleBlock(double[] d, double[] e, int start, int end, double factor)
    {
        for (int i = start; i <= end; i++)
            d[i] *= factor;
        for (int i = start; i < end; i++)
            e[i] *= factor;
    }
}
