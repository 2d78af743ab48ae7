namespace OmniContextEval.Numerics.LinearAlgebra;

/// <summary>Which part of a matrix holds values: the rest is known to be zero (never read), or, for a product's result, never written.</summary>
internal enum MatrixPart
{
    Full,
    /// <summary>On and below the diagonal (column &lt;= row).</summary>
    Lower,
    /// <summary>On and above the diagonal (column &gt;= row).</summary>
    Upper,
    /// <summary>A symmetric matrix of which only the upper part is read: element (i, j), j &lt; i, is read as (j, i). Operands only.</summary>
    Symmetric,
}

/// <summary>
/// A matrix read in place from a float64 array: element (i, j) is <c>Data[Offset + i * RowStride + j * ColumnStride]</c>,
/// so a transpose is the same array with the strides swapped. Elements outside <see cref="Part"/> are taken as zero.
/// </summary>
internal readonly record struct MatrixOperand(double[] Data, int Offset, int RowStride, int ColumnStride, MatrixPart Part = MatrixPart.Full)
{
    /// <summary>A row-major matrix with rows <paramref name="stride"/> apart.</summary>
    public static MatrixOperand RowMajor(double[] data, int offset, int stride, MatrixPart part = MatrixPart.Full) => new(data, offset, stride, 1, part);

    /// <summary>The transpose of a row-major matrix with rows <paramref name="stride"/> apart (<see cref="Part"/> refers to the transpose).</summary>
    public static MatrixOperand Transposed(double[] data, int offset, int stride, MatrixPart part = MatrixPart.Full) => new(data, offset, 1, stride, part);

    public double this[int i, int j] =>
        (Part == MatrixPart.Lower && j > i) || (Part == MatrixPart.Upper && j < i) ? 0
        : Part == MatrixPart.Symmetric && j < i ? Data[Offset + (long)j * RowStride + (long)i * ColumnStride]
        : Data[Offset + (long)i * RowStride + (long)j * ColumnStride];
}
