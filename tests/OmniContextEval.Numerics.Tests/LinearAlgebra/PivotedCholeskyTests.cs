using OmniContextEval.Numerics.LinearAlgebra;
using OmniContextEval.Numerics.Tests.TestSupport;

namespace OmniContextEval.Numerics.Tests.LinearAlgebra;

public class PivotedCholeskyTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 5)]
    [InlineData(200, 200)]
    [InlineData(200, 130)]
    [InlineData(200, 1)]
    public void Factor_reproduces_the_matrix_and_finds_its_rank(int n, int rank)
    {
        var s = MathNetOracle.Gram(MathNetOracle.RandomMatrix(n, rank, n + rank), n, rank);
        var a = (double[])s.Clone();
        var pivots = new int[n];

        int found = PivotedCholesky.Factor(a, n, pivots);

        Assert.Equal(rank, found);
        Assert.Equal(Enumerable.Range(0, n), pivots.Order());
        double scale = s.Max(Math.Abs);
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
            {
                double sum = 0;
                for (int c = 0; c <= Math.Min(j, found - 1); c++)
                    sum += a[i * n + c] * a[j * n + c];
                Assert.InRange(Math.Abs(sum - s[pivots[i] * n + pivots[j]]), 0, 1e-12 * scale);
            }
    }

    [Fact]
    public void The_largest_diagonal_is_swapped_in_only_when_the_next_is_below_a_tenth_of_it()
    {
        var kept = new double[] { 1, 0, 0, 0, 9, 0, 0, 0, 4 };
        var swapped = new double[] { 0.05, 0, 0, 0, 9, 0, 0, 0, 4 };
        var keptPivots = new int[3];
        var swappedPivots = new int[3];

        PivotedCholesky.Factor(kept, 3, keptPivots);
        PivotedCholesky.Factor(swapped, 3, swappedPivots);

        Assert.Equal([0, 1, 2], keptPivots);
        Assert.Equal([1, 2, 0], swappedPivots);
        Assert.Equal(3, swapped[0]);
    }

    [Fact]
    public void Zero_and_negative_definite_matrices_have_rank_zero()
    {
        Assert.Equal(0, PivotedCholesky.Factor(new double[9], 3, new int[3]));
        Assert.Equal(0, PivotedCholesky.Factor([-1, 0, 0, -2], 2, new int[2]));
    }
}
