namespace OmniContextEval.Metrics.Tests.TestSupport;

/// <summary>
/// Slow, simple dense linear algebra that the fast kernels are checked against: naive products, cyclic Jacobi
/// eigenvalues, random factors, and the exact Tr((S1 S2)^(1/2)) of S1 = X X^T, S2 = Y Y^T as the sum of the
/// singular values of X^T Y.
/// </summary>
public static class DenseReference
{
    /// <summary>A rows x columns row-major matrix of seeded values in [-1, 1) plus a column-dependent offset (not centred).</summary>
    public static double[] RandomMatrix(int rows, int columns, int seed)
    {
        var rng = new Random(seed);
        var m = new double[rows * columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                m[i * columns + j] = 2 * rng.NextDouble() - 1 + 0.1 * (j % 3);
        return m;
    }

    /// <summary>X X^T for X rows x columns (row-major).</summary>
    public static double[] Gram(double[] x, int rows, int columns)
    {
        var s = new double[rows * rows];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j <= i; j++)
            {
                double sum = 0;
                for (int k = 0; k < columns; k++)
                    sum += x[i * columns + k] * x[j * columns + k];
                s[i * rows + j] = s[j * rows + i] = sum;
            }
        return s;
    }

    /// <summary>Eigenvalues of a symmetric n x n matrix by cyclic Jacobi rotations, ascending.</summary>
    public static double[] JacobiEigenvalues(double[] symmetric, int n)
    {
        var m = (double[])symmetric.Clone();
        for (int sweep = 0; sweep < 60; sweep++)
        {
            double off = 0, total = 0;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    total += m[i * n + j] * m[i * n + j];
                    if (i != j)
                        off += m[i * n + j] * m[i * n + j];
                }
            if (off <= 1e-32 * total)
                break;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++)
                {
                    double apq = m[p * n + q];
                    if (apq == 0)
                        continue;
                    double theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
                    double t = (theta >= 0 ? 1 : -1) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double mkp = m[k * n + p], mkq = m[k * n + q];
                        m[k * n + p] = c * mkp - s * mkq;
                        m[k * n + q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double mpk = m[p * n + k], mqk = m[q * n + k];
                        m[p * n + k] = c * mpk - s * mqk;
                        m[q * n + k] = s * mpk + c * mqk;
                    }
                }
        }
        return Enumerable.Range(0, n).Select(i => m[i * n + i]).Order().ToArray();
    }

    /// <summary>
    /// Tr((S1 S2)^(1/2)) for S1 = X X^T, S2 = Y Y^T (X d x r1, Y d x r2, both of full column rank): the nonzero
    /// eigenvalues of S1 S2 are the squared singular values of B = X^T Y, i.e. the eigenvalues of the smaller of
    /// B B^T and B^T B, which has full rank.
    /// </summary>
    public static double SqrtProductTrace(double[] x, int r1, double[] y, int r2, int d)
    {
        var b = new double[r1 * r2];
        for (int i = 0; i < r1; i++)
            for (int j = 0; j < r2; j++)
            {
                double sum = 0;
                for (int k = 0; k < d; k++)
                    sum += x[k * r1 + i] * y[k * r2 + j];
                b[i * r2 + j] = sum;
            }
        int q = Math.Min(r1, r2);
        var g = new double[q * q];
        for (int i = 0; i < q; i++)
            for (int j = 0; j < q; j++)
            {
                double sum = 0;
                if (r1 <= r2)
                    for (int k = 0; k < r2; k++)
                        sum += b[i * r2 + k] * b[j * r2 + k];
                else
                    for (int k = 0; k < r1; k++)
                        sum += b[k * r2 + i] * b[k * r2 + j];
                g[i * q + j] = sum;
            }
        return JacobiEigenvalues(g, q).Sum(l => Math.Sqrt(Math.Max(l, 0)));
    }
}
