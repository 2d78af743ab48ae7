using MathNet.Numerics.LinearAlgebra;

namespace OmniContextEval.Metrics.Fid;

/// <summary>
/// Tr((S1 S2)^(1/2)) in the symmetric form: the sum of square roots of the eigenvalues (clipped at 0) of
/// sqrt(S1) S2 sqrt(S1), with sqrt(S1) = V diag(sqrt(max(w, 0))) V^T. OpenBLAS's dsyevd/dgemm when loadable,
/// else MathNet.Numerics (Householder tridiagonalisation + implicit QL). Inputs are symmetric d x d, row-major.
/// </summary>
internal static class SymmetricEigen
{
    public static double SqrtProductTrace(double[] s1, double[] s2, int d) =>
        OpenBlas.Available ? WithOpenBlas(s1, s2, d) : WithMathNet(s1, s2, d);

    private static double WithOpenBlas(double[] s1, double[] s2, int d)
    {
        var vectors = (double[])s1.Clone();
        var w = OpenBlas.SymmetricEigen(vectors, d, vectors: true);
        var scaled = (double[])vectors.Clone();
        for (int j = 0; j < d; j++)
        {
            double root = Math.Sqrt(Math.Max(w[j], 0));
            for (int i = 0; i < d; i++)
                scaled[j * d + i] *= root; // column j (column-major)
        }
        var root1 = OpenBlas.Multiply(scaled, false, vectors, true, d);
        var product = OpenBlas.Multiply(OpenBlas.Multiply(root1, false, s2, false, d), false, root1, false, d);
        Symmetrise(product, d);
        return SumOfRoots(OpenBlas.SymmetricEigen(product, d, vectors: false));
    }

    private static double WithMathNet(double[] s1, double[] s2, int d)
    {
        var a = Matrix<double>.Build.Dense(d, d, s1);
        var evd = a.Evd(Symmetricity.Symmetric);
        var vectors = evd.EigenVectors;
        var scaled = vectors.Clone();
        for (int j = 0; j < d; j++)
        {
            double root = Math.Sqrt(Math.Max(evd.EigenValues[j].Real, 0));
            for (int i = 0; i < d; i++)
                scaled[i, j] = vectors[i, j] * root;
        }
        var root1 = scaled.TransposeAndMultiply(vectors);
        var product = root1 * Matrix<double>.Build.Dense(d, d, s2) * root1;
        var values = product.AsColumnMajorArray() ?? product.ToColumnMajorArray();
        Symmetrise(values, d);
        return SumOfRoots(Matrix<double>.Build.Dense(d, d, values).Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real));
    }

    private static void Symmetrise(double[] m, int d)
    {
        for (int i = 0; i < d; i++)
            for (int j = i + 1; j < d; j++)
            {
                double mean = 0.5 * (m[i * d + j] + m[j * d + i]);
                m[i * d + j] = mean;
                m[j * d + i] = mean;
            }
    }

    private static double SumOfRoots(IEnumerable<double> eigenvalues)
    {
        double sum = 0;
        foreach (var lambda in eigenvalues)
            sum += Math.Sqrt(Math.Max(lambda, 0));
        return sum;
    }
}
