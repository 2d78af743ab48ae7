using OmniContextEval.Numerics.LinearAlgebra;
using OmniContextEval.Numerics.Tests.TestSupport;

namespace OmniContextEval.Numerics.Tests.LinearAlgebra;

public class TridiagonalizationTests
{
    [Theory]
    [InlineData(1, 32)]
    [InlineData(2, 32)]
    [InlineData(3, 2)]
    [InlineData(33, 32)]
    [InlineData(34, 8)]
    [InlineData(100, 32)]
    [InlineData(150, 2)]
    [InlineData(150, 64)]
    public void Eigenvalues_match_MathNet(int n, int bandwidth)
    {
        var rng = new Random(n * 100 + bandwidth);
        var m = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
                m[i * n + j] = m[j * n + i] = rng.NextDouble() - 0.5;
        var expected = MathNetOracle.SymmetricEigenvalues(m, n);
        var diagonal = new double[n];
        var offDiagonal = new double[Math.Max(n - 1, 0)];

        Tridiagonalization.Reduce((double[])m.Clone(), n, diagonal, offDiagonal, bandwidth);
        TridiagonalEigenvalues.Compute(diagonal, offDiagonal, n);

        var found = diagonal.Order().ToArray();
        for (int i = 0; i < n; i++)
            Assert.Equal(expected[i], found[i], 1e-12);
    }

    [Fact]
    public void Tridiagonal_eigenvalues_of_the_second_difference_matrix_are_known()
    {
        const int n = 60;
        var diagonal = Enumerable.Repeat(2.0, n).ToArray();
        var offDiagonal = Enumerable.Repeat(-1.0, n - 1).ToArray();

        TridiagonalEigenvalues.Compute(diagonal, offDiagonal, n);

        var expected = Enumerable.Range(1, n).Select(k => 2 - 2 * Math.Cos(k * Math.PI / (n + 1))).Order();
        Assert.Equal(expected, diagonal.Order(), (x, y) => Math.Abs(x - y) < 1e-13);
    }

    [Fact]
    public void Already_diagonal_input_is_returned_exactly()
    {
        const int n = 40;
        var m = new double[n * n];
        for (int i = 0; i < n; i++)
            m[i * n + i] = i * 0.37;
        var diagonal = new double[n];
        var offDiagonal = new double[n - 1];

        Tridiagonalization.Reduce(m, n, diagonal, offDiagonal);
        TridiagonalEigenvalues.Compute(diagonal, offDiagonal, n);

        Assert.Equal(Enumerable.Range(0, n).Select(i => i * 0.37), diagonal.Order());
    }

    [Fact]
    public void Two_by_two_eigenvalues_avoid_cancellation()
    {
        var (first, second) = TridiagonalEigenvalues.Eigenvalues2x2(1, 1e-9, 1e-20);

        Assert.Equal(1, first, 1e-15);
        Assert.Equal(1e-20 - 1e-18, second, 1e-30);
    }
}
