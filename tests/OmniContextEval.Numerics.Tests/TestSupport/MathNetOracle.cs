using MathNet.Numerics.LinearAlgebra;

namespace OmniContextEval.Numerics.Tests.TestSupport;

/// <summary>
/// The oracle the hand-written kernels are checked against: MathNet.Numerics' managed dense algebra (products,
/// symmetric eigenvalues, singular values), plus seeded test matrices. Row-major arrays in, row-major arrays out.
/// </summary>
public static class MathNetOracle
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

    /// <summary>The row-major array as a MathNet matrix.</summary>
    public static Matrix<double> Dense(double[] rowMajor, int rows, int columns) =>
        Matrix<double>.Build.DenseOfRowMajor(rows, columns, rowMajor);

    /// <summary>The MathNet matrix as a row-major array.</summary>
    public static double[] RowMajor(Matrix<double> m) => m.ToRowMajorArray();

    /// <summary>X X^T for X rows x columns (row-major), symmetrised so that it is exactly symmetric.</summary>
    public static double[] Gram(double[] x, int rows, int columns)
    {
        var m = Dense(x, rows, columns);
        var s = m.TransposeAndMultiply(m);
        return RowMajor((s + s.Transpose()) / 2);
    }

    /// <summary>Eigenvalues of a symmetric n x n row-major matrix, ascending.</summary>
    public static double[] SymmetricEigenvalues(double[] symmetric, int n) =>
        Dense(symmetric, n, n).Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).Order().ToArray();

    /// <summary>
    /// Tr((S1 S2)^(1/2)) for S1 = X X^T, S2 = Y Y^T (X d x r1, Y d x r2, row-major): the nonzero eigenvalues of S1 S2
    /// are the squared singular values of X^T Y, so the trace is their sum.
    /// </summary>
    public static double SqrtProductTrace(double[] x, int r1, double[] y, int r2, int d) =>
        Dense(x, d, r1).TransposeThisAndMultiply(Dense(y, d, r2)).Svd(computeVectors: false).S.Sum();
}
