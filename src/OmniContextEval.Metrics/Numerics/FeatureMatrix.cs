using OmniContextEval.Imaging.Npy;

namespace OmniContextEval.Metrics.Numerics;

/// <summary>Feature vectors of equal length, one row per image, float32, row-major (as the networks give them).</summary>
public sealed class FeatureMatrix
{
    public FeatureMatrix(int rows, int dimension, float[] values)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (values.Length != (long)rows * dimension)
            throw new ArgumentException($"expected {rows}x{dimension} values, got {values.Length}", nameof(values));
        Rows = rows;
        Dimension = dimension;
        Values = values;
    }

    public int Rows { get; }
    public int Dimension { get; }
    public float[] Values { get; }

    public ReadOnlySpan<float> Row(int i) => Values.AsSpan(i * Dimension, Dimension);

    /// <summary>Builds a matrix from a 2-D float32 .npy array [images, dimension].</summary>
    public static FeatureMatrix FromNpy(NpyArray array, string name)
    {
        if (array.Shape.Count != 2 || array.ElementType != NpyElementType.Float32)
            throw new Core.HarnessException($"{name}: features must be a 2-D float32 array [images, dimension], got {array.Shape.Count}-D {array.ElementType}");
        return new FeatureMatrix(array.Shape[0], array.Shape[1], array.AsFloat32().ToArray());
    }

    /// <summary>Stacks rows of equal length.</summary>
    public static FeatureMatrix FromRows(IReadOnlyList<float[]> rows, int dimension)
    {
        var values = new float[rows.Count * dimension];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != dimension)
                throw new ArgumentException($"row {i} has {rows[i].Length} values, expected {dimension}");
            rows[i].CopyTo(values, i * dimension);
        }
        return new FeatureMatrix(rows.Count, dimension, values);
    }
}
