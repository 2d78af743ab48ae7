using MathNet.Numerics.LinearAlgebra;

namespace OmniContextEval.Metrics.Fid;

/// <summary>Symmetric eigen decompositions (MathNet.Numerics' Householder tridiagonalisation + implicit QL).</summary>
internal static class SymmetricEigen
{
    /// <summary>The symmetric PSD square root V diag(sqrt(max(w, 0))) V^T.</summary>
    public static Matrix<double> SquareRoot(Matrix<double> symmetric)
    {
        var evd = Symmetrised(symmetric).Evd(Symmetricity.Symmetric);
        var vectors = evd.EigenVectors;
        var roots = evd.EigenValues.Select(e => Math.Sqrt(Math.Max(e.Real, 0))).ToArray();
        var scaled = vectors.Clone();
        for (int j = 0; j < roots.Length; j++)
            for (int i = 0; i < scaled.RowCount; i++)
                scaled[i, j] = vectors[i, j] * roots[j];
        return scaled.TransposeAndMultiply(vectors); // V diag(sqrt w) V^T
    }

    /// <summary>Eigenvalues of a symmetric matrix (made exactly symmetric first), ascending.</summary>
    public static double[] Eigenvalues(Matrix<double> symmetric) =>
        Symmetrised(symmetric).Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).ToArray();

    private static Matrix<double> Symmetrised(Matrix<double> m) => (m + m.Transpose()) * 0.5;
}
