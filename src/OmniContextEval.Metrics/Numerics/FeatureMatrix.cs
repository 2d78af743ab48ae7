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

    /// <summary>Builds a matrix from a 2-D float32 or float64 .npy array (float64 is narrowed to float32).</summary>
    public static FeatureMatrix FromNpy(NpyArray array, string name)
    {
        if (array.Shape.Count != 2)
            throw new Core.HarnessException($"{name}: features must be a 2-D array [images, dimension], got {array.Shape.Count}-D");
        var values = array.Float32 ?? array.ToFloat64().Select(v => (float)v).ToArray();
        return new FeatureMatrix(array.Shape[0], array.Shape[1], values);
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
