using OmniContextEval.Numerics.LinearAlgebra;
using OmniContextEval.Numerics.Tests.TestSupport;

namespace OmniContextEval.Numerics.Tests.LinearAlgebra;

public class SqrtProductTraceTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 2, 2)]
    [InlineData(2, 1, 2)]
    [InlineData(7, 7, 7)]
    [InlineData(7, 3, 5)]
    [InlineData(64, 64, 64)]
    [InlineData(64, 20, 64)]
    [InlineData(64, 64, 10)]
    [InlineData(300, 300, 300)]
    [InlineData(300, 120, 200)]
    public void Matches_MathNet_singular_values_of_the_factors_in_either_order(int d, int r1, int r2)
    {
        var x = MathNetOracle.RandomMatrix(d, r1, seed: d + r1);
        var y = MathNetOracle.RandomMatrix(d, r2, seed: 1000 + d + r2);
        var s1 = MathNetOracle.Gram(x, d, r1);
        var s2 = MathNetOracle.Gram(y, d, r2);
        double exact = MathNetOracle.SqrtProductTrace(x, r1, y, r2, d);

        // Without rank bounds the first matrix is factored; with them the one of lower rank is.
        Assert.InRange(Relative(SqrtProductTrace.Compute(s1, s2, d), exact), 0, 1e-10);
        Assert.InRange(Relative(SqrtProductTrace.Compute(s2, s1, d), exact), 0, 1e-10);
        Assert.InRange(Relative(SqrtProductTrace.Compute(s2, s1, d, r2, r1), exact), 0, 1e-10);
    }

    [Fact]
    public void Zero_matrices_give_zero()
    {
        var zero = new double[25];
        var s = MathNetOracle.Gram(MathNetOracle.RandomMatrix(5, 5, 1), 5, 5);

        Assert.Equal(0, SqrtProductTrace.Compute(zero, zero, 5));
        Assert.Equal(0, SqrtProductTrace.Compute(zero, s, 5));
        Assert.Equal(0, SqrtProductTrace.Compute(s, zero, 5));
    }

    [Fact]
    public void Rank_one_matrices_give_the_absolute_dot_product()
    {
        var x = MathNetOracle.RandomMatrix(40, 1, 2);
        var y = MathNetOracle.RandomMatrix(40, 1, 3);
        double dot = x.Zip(y, (a, b) => a * b).Sum();

        double value = SqrtProductTrace.Compute(MathNetOracle.Gram(x, 40, 1), MathNetOracle.Gram(y, 40, 1), 40);

        Assert.InRange(Relative(value, Math.Abs(dot)), 0, 1e-12);
    }

    [Fact]
    public void Identical_matrices_give_the_trace()
    {
        int d = 150;
        var s = MathNetOracle.Gram(MathNetOracle.RandomMatrix(d, 90, 4), d, 90);
        double trace = Enumerable.Range(0, d).Sum(i => s[i * d + i]);

        Assert.InRange(Relative(SqrtProductTrace.Compute(s, s, d), trace), 0, 1e-12);
    }

    [Fact]
    public void Identity_gives_the_dimension_exactly()
    {
        int d = 100;
        var identity = new double[d * d];
        for (int i = 0; i < d; i++)
            identity[i * d + i] = 1;

        Assert.Equal(d, SqrtProductTrace.Compute(identity, identity, d));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_finite_entries_give_NaN(double bad)
    {
        var s = MathNetOracle.Gram(MathNetOracle.RandomMatrix(6, 6, 5), 6, 6);
        var broken = (double[])s.Clone();
        broken[7] = bad;

        Assert.True(double.IsNaN(SqrtProductTrace.Compute(broken, s, 6)));
        Assert.True(double.IsNaN(SqrtProductTrace.Compute(s, broken, 6)));
    }

    [Theory]
    [InlineData(700, 700)]
    [InlineData(700, 350)]
    public void Results_are_bit_identical_run_to_run_and_for_any_thread_count(int d, int rank)
    {
        var s1 = Gram(d, rank, 6);
        var s2 = Gram(d, d, 7);

        double first = SqrtProductTrace.Compute(s1, s2, d);
        double second = SqrtProductTrace.Compute(s1, s2, d);
        double oneThread;
        using (Parallelism.LimitTo(1))
            oneThread = SqrtProductTrace.Compute(s1, s2, d);

        Assert.Equal(BitConverter.DoubleToInt64Bits(first), BitConverter.DoubleToInt64Bits(second));
        Assert.Equal(BitConverter.DoubleToInt64Bits(first), BitConverter.DoubleToInt64Bits(oneThread));
    }

    /// <summary>X X^T through the library's product (only the determinism test uses it; the oracle tests build theirs with MathNet).</summary>
    private static double[] Gram(int d, int rank, int seed)
    {
        var x = MathNetOracle.RandomMatrix(d, rank, seed);
        var s = new double[d * d];
        Gemm.MultiplyAdd(d, d, rank, 1, MatrixOperand.RowMajor(x, 0, rank), MatrixOperand.Transposed(x, 0, rank), s, 0, d);
        return s;
    }

    private static double Relative(double value, double exact) => Math.Abs(value - exact) / Math.Abs(exact);
}
