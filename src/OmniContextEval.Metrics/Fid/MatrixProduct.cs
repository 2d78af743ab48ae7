using System.Numerics;

namespace OmniContextEval.Metrics.Fid;

/// <summary>
/// C = A B for square row-major float64 matrices: cache-blocked (panels of B reused across rows of A), vectorised
/// along rows, rows of C spread over threads. Each element is summed in the same order whatever the thread count,
/// so results are bit-identical from run to run.
/// </summary>
internal static class MatrixProduct
{
    private const int KBlock = 64, JBlock = 256;

    public static double[] Multiply(double[] a, double[] b, int n)
    {
        var c = new double[(long)n * n];
        int width = Vector<double>.Count;
        for (int k0 = 0; k0 < n; k0 += KBlock)
        {
            int k1 = Math.Min(n, k0 + KBlock);
            for (int j0 = 0; j0 < n; j0 += JBlock)
            {
                int j1 = Math.Min(n, j0 + JBlock);
                Parallel.For(0, n, i =>
                {
                    var row = c.AsSpan(i * n + j0, j1 - j0);
                    for (int k = k0; k < k1; k++)
                    {
                        double aik = a[i * n + k];
                        if (aik == 0)
                            continue;
                        var scale = new Vector<double>(aik);
                        var source = b.AsSpan(k * n + j0, j1 - j0);
                        int j = 0;
                        for (; j + width <= row.Length; j += width)
                            (new Vector<double>(row[j..]) + scale * new Vector<double>(source[j..])).CopyTo(row[j..]);
                        for (; j < row.Length; j++)
                            row[j] += aik * source[j];
                    }
                });
            }
        }
        return c;
    }

    public static double[] Transpose(double[] m, int n)
    {
        var t = new double[(long)n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                t[j * n + i] = m[i * n + j];
        return t;
    }
}
