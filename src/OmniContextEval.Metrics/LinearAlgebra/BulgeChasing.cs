using System.Runtime.CompilerServices;
namespace OmniContextEval.Metrics.LinearAlgebra;

/// <summary>
/// Second stage of the two-stage tridiagonalisation (the bulge-chasing method of LAPACK's dsytrd_sb2st): reduces a
/// symmetric band matrix with b subdiagonals to tridiagonal form. Sweep c annihilates column c below its
/// subdiagonal with one reflector, applied to the diagonal block it touches; that fills a b x b block below, whose
/// first column the next reflector annihilates, and so on down the band. The rest of each fill-in is left for the
/// next sweep, so the band never grows beyond 2b subdiagonals. Work is about 6 b n^2 flops on data that stays in cache.
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
                band[r, c] = a[c * n + r];
        var v = new double[b];
        var next = new double[b];
        var work = new double[b];
        for (int c = 0; c < n - 2 && b > 1; c++)
        {
            int s = c + 1, length = Math.Min(c + b, n - 1) - s + 1;
            double tau = Annihilate(band, s, length, c, v);
            if (tau != 0)
                TwoSided(band, s, length, v, tau, work);
            while (s + b < n)
            {
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
            }
        }
        for (int i = 0; i < n; i++)
            diagonal[i] = band[i, i];
        for (int i = 0; i < n - 1; i++)
            offDiagonal[i] = band[i + 1, i];
    }

    /// <summary>Reflector for column c, rows s..s+length-1: keeps the first entry (beta), zeroes the rest; v gets the reflector (v[0] = 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Annihilate(Band band, int s, int length, int c, double[] v)
    {
        var x = v.AsSpan(0, length);
        for (int i = 0; i < length; i++)
            x[i] = band[s + i, c];
        double tau = Householder.Make(x);
        if (tau == 0)
            return 0;
        band[s, c] = x[0];
        for (int i = 1; i < length; i++)
            band[s + i, c] = 0;
        x[0] = 1;
        return tau;
    }

    /// <summary>D = H D H for the symmetric diagonal block D = rows and columns s..s+length-1 (lower triangle stored).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TwoSided(Band band, int s, int length, double[] v, double tau, double[] work)
    {
        var p = work.AsSpan(0, length);
        p.Clear();
        var vs = v.AsSpan(0, length);
        for (int i = 0; i < length; i++)
        {
            var row = band.Row(s + i, s, i + 1); // D(i, 0..i)
            p[i] += Householder.Dot(row, vs[..(i + 1)]);
            Householder.AddScaled(p[..i], row[..i], v[i]);
        }
        Householder.Scale(p, tau);
        double k = -0.5 * tau * Householder.Dot(p, vs);
        Householder.AddScaled(p, vs, k); // p is now w
        for (int i = 0; i < length; i++)
        {
            var row = band.Row(s + i, s, i + 1);
            Householder.AddScaled(row, p[..(i + 1)], -v[i]);
            Householder.AddScaled(row, vs[..(i + 1)], -p[i]);
        }
    }

    /// <summary>B = B H for the block rows s2.., columns s..s+length-1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FromRight(Band band, int s2, int rows, int s, int length, double[] v, double tau)
    {
        var vs = v.AsSpan(0, length);
        for (int i = 0; i < rows; i++)
        {
            var row = band.Row(s2 + i, s, length);
            Householder.AddScaled(row, vs, -tau * Householder.Dot(row, vs));
        }
    }

    /// <summary>B = H B for the block rows s2..s2+rows-1, columns c0..c0+columns-1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FromLeft(Band band, int s2, int rows, int c0, int columns, double[] v, double tau, double[] work)
    {
        if (columns <= 0)
            return;
        var t = work.AsSpan(0, columns);
        t.Clear();
        for (int i = 0; i < rows; i++)
            Householder.AddScaled(t, band.Row(s2 + i, c0, columns), v[i]);
        for (int i = 0; i < rows; i++)
            Householder.AddScaled(band.Row(s2 + i, c0, columns), t, -tau * v[i]);
    }

    /// <summary>Lower band storage with room for <c>width</c> subdiagonals: row r holds columns r - width..r contiguously.</summary>
    private sealed class Band(int n, int width)
    {
        private readonly int _stride = width + 1;
        private readonly double[] _values = new double[(long)n * (width + 1)];

        public double this[int r, int c]
        {
            get => _values[r * _stride + c - r + width];
            set => _values[r * _stride + c - r + width] = value;
        }

        /// <summary>Row r, columns c..c+count-1 (all within the band).</summary>
        public Span<double> Row(int r, int c, int count) => _values.AsSpan(r * _stride + c - r + width, count);
    }
}
