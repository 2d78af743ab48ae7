using OmniContextEval.Numerics.LinearAlgebra;
using OmniContextEval.Numerics.Tests.TestSupport;

namespace OmniContextEval.Numerics.Tests.LinearAlgebra;

public class GemmTests
{
    private const int Stride = 600;
    private static readonly double[] Data = MathNetOracle.RandomMatrix(Stride, Stride, 11);

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var a in Operands.Keys)
            foreach (var b in Operands.Keys)
                foreach (var part in new[] { "Full", "Lower", "Upper" })
                    data.Add(a, b, part);
        return data;
    }

    private static readonly Dictionary<string, MatrixOperand> Operands = new()
    {
        ["row-major"] = MatrixOperand.RowMajor(Data, 3, Stride),
        ["transposed"] = MatrixOperand.Transposed(Data, 5, Stride),
        ["lower"] = MatrixOperand.RowMajor(Data, 1, Stride, MatrixPart.Lower),
        ["upper"] = MatrixOperand.Transposed(Data, 2, Stride, MatrixPart.Upper),
        ["symmetric"] = new MatrixOperand(Data, 7, Stride, 1, MatrixPart.Symmetric),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_MathNet_for_every_operand_kind_and_result_part(string aKind, string bKind, string partName)
    {
        var part = Enum.Parse<MatrixPart>(partName);
        var a = Operands[aKind];
        var b = Operands[bKind];
        // Sizes cross the row block (96), the task columns (512), the depth block (256) and leave partial tiles.
        foreach (var (m, n, k) in new[] { (101, 530, 300), (7, 3, 1), (200, 9, 590) })
        {
            var c = MathNetOracle.RandomMatrix(m, n, 12);
            // The oracle: C - 0.5 A B by MathNet, on the operands as their indexers read them; only the part is written.
            var product = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(m, k, (i, p) => a[i, p])
                * MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(k, n, (p, j) => b[p, j]);
            var expected = (double[])c.Clone();
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                    if (part == MatrixPart.Full || (part == MatrixPart.Lower && j <= i) || (part == MatrixPart.Upper && j >= i))
                        expected[i * n + j] += -0.5 * product[i, j];

            Gemm.MultiplyAdd(m, n, k, -0.5, a, b, c, 0, n, part);

            for (int i = 0; i < c.Length; i++)
                Assert.Equal(expected[i], c[i], 1e-11);
        }
    }

    [Fact]
    public void Result_does_not_depend_on_the_thread_count()
    {
        var a = MatrixOperand.RowMajor(Data, 0, Stride);
        var b = MatrixOperand.Transposed(Data, 9, Stride);
        var parallel = new double[590 * 590];
        var serial = new double[590 * 590];

        Gemm.MultiplyAdd(590, 590, 590, 1, a, b, parallel, 0, 590);
        using (Parallelism.LimitTo(1))
            Gemm.MultiplyAdd(590, 590, 590, 1, a, b, serial, 0, 590);

        Assert.Equal(serial, parallel);
    }

    [Fact]
    public void Operands_and_results_outside_their_arrays_are_refused()
    {
        var c = new double[64];

        Assert.Throws<IndexOutOfRangeException>(() =>
            Gemm.MultiplyAdd(8, 8, 8, 1, MatrixOperand.RowMajor(new double[10], 0, 8), MatrixOperand.RowMajor(new double[64], 0, 8), c, 0, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Gemm.MultiplyAdd(8, 8, 8, 1, MatrixOperand.RowMajor(new double[64], 0, 8), MatrixOperand.RowMajor(new double[64], 0, 8), c, 1, 8));
    }
}
