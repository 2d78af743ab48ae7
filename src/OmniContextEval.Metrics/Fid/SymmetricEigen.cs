using MathNet.Numerics.LinearAlgebra;

namespace OmniContextEval.Metrics.Fid;

/// <summary>
/// Tr((S1 S2)^(1/2)) in the symmetric form: the sum of square roots of the eigenvalues (clipped at 0) of
/// sqrt(S1) S2 sqrt(S1), with sqrt(S1) = V diag(sqrt(max(w, 0))) V^T. OpenBLAS's dsyevd/dgemm when loadable,
/// else MathNet.Numerics' symmetric EVD (Householder tridiagonalisation + implicit QL) with <see cref="MatrixProduct"/>. Inputs are symmetric d x d, row-major.
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
        var evd = Matrix<double>.Build.Dense(d, d, s1).Evd(Symmetricity.Symmetric);
        var vt = evd.EigenVectors.ToColumnMajorArray(); // read row-major: V^T, row j = eigenvector j
        var scaledVt = (double[])vt.Clone();
        for (int j = 0; j < d; j++)
        {
            double root = Math.Sqrt(Math.Max(evd.EigenValues[j].Real, 0));
            for (int i = 0; i < d; i++)
                scaledVt[j * d + i] *= root;
        }
        var root1 = MatrixProduct.Multiply(MatrixProduct.Transpose(vt, d), scaledVt, d); // V diag(sqrt w) V^T
        var product = MatrixProduct.Multiply(MatrixProduct.Multiply(root1, s2, d), root1, d);
        Symmetrise(product, d);
        return SumOfRoots(Matrix<double>.Build.Dense(d, d, product).Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real));
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
