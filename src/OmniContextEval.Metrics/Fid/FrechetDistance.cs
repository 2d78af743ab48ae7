using MathNet.Numerics.LinearAlgebra;

namespace OmniContextEval.Metrics.Fid;

/// <summary>
/// Fréchet distance between two Gaussians: |mu1 - mu2|^2 + Tr(S1) + Tr(S2) - 2 Tr((S1 S2)^(1/2)), in float64.
/// Tr((S1 S2)^(1/2)) is taken in the stable symmetric form: the sum of square roots of the eigenvalues of
/// sqrt(S1) S2 sqrt(S1) (symmetric eigensolver, eigenvalues clipped at 0). As pytorch-fid does, when the result
/// is not finite it retries once with 1e-6 added to both diagonals (reported in <see cref="FrechetResult.EpsilonRetried"/>).
/// </summary>
public static class FrechetDistance
{
    /// <summary>The diagonal offset of pytorch-fid's retry.</summary>
    public const double RetryEpsilon = 1e-6;

    public static FrechetResult Compute(FeatureStatistics a, FeatureStatistics b)
    {
        if (a.Dimension != b.Dimension)
            throw new ArgumentException($"statistics have different dimensions: {a.Dimension} and {b.Dimension}");
        double value = Distance(a, b, 0);
        if (double.IsFinite(value))
            return new FrechetResult(value, false);
        return new FrechetResult(Distance(a, b, RetryEpsilon), true);
    }

    private static double Distance(FeatureStatistics a, FeatureStatistics b, double epsilon)
    {
        int d = a.Dimension;
        var s1 = Matrix<double>.Build.Dense(d, d, a.Covariance.ToArray()); // symmetric: row/column major agree
        var s2 = Matrix<double>.Build.Dense(d, d, b.Covariance.ToArray());
        if (epsilon != 0)
            for (int i = 0; i < d; i++)
            {
                s1[i, i] += epsilon;
                s2[i, i] += epsilon;
            }
        double meanTerm = 0;
        for (int i = 0; i < d; i++)
        {
            double diff = a.Mean[i] - b.Mean[i];
            meanTerm += diff * diff;
        }
        if (!AllFinite(s1) || !AllFinite(s2) || !double.IsFinite(meanTerm))
            return double.NaN;
        double traceSqrt = SymmetricSqrtTrace(s1, s2);
        return meanTerm + s1.Trace() + s2.Trace() - 2 * traceSqrt;
    }

    /// <summary>Tr((S1 S2)^(1/2)) = sum_i sqrt(lambda_i(sqrt(S1) S2 sqrt(S1))).</summary>
    private static double SymmetricSqrtTrace(Matrix<double> s1, Matrix<double> s2)
    {
        var root = SymmetricEigen.SquareRoot(s1);
        var product = root * s2 * root;
        var eigenvalues = SymmetricEigen.Eigenvalues(product);
        double sum = 0;
        foreach (var lambda in eigenvalues)
            sum += Math.Sqrt(Math.Max(lambda, 0));
        return sum;
    }

    private static bool AllFinite(Matrix<double> m)
    {
        foreach (var v in m.AsColumnMajorArray() ?? m.ToColumnMajorArray())
            if (!double.IsFinite(v))
                return false;
        return true;
    }
}

/// <summary>A Fréchet distance (lower is better; 0 for identical Gaussians) and whether pytorch-fid's eps retry was needed.</summary>
public readonly record struct FrechetResult(double Value, bool EpsilonRetried);
