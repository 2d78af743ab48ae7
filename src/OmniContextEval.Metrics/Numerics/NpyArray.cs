namespace OmniContextEval.Metrics.Numerics;

/// <summary>
/// An n-dimensional array as NumPy's <c>.npy</c> format holds it: C order, little-endian.
/// Exactly one of <see cref="Float64"/>, <see cref="Float32"/> or <see cref="UInt8"/> is set, per <see cref="DType"/>.
/// </summary>
public sealed record NpyArray(string DType, IReadOnlyList<int> Shape, double[]? Float64 = null, float[]? Float32 = null, byte[]? UInt8 = null)
{
    /// <summary>NumPy's type string for little-endian float64.</summary>
    public const string F8 = "<f8";
    /// <summary>NumPy's type string for little-endian float32.</summary>
    public const string F4 = "<f4";
    /// <summary>NumPy's type string for unsigned bytes.</summary>
    public const string U1 = "|u1";

    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    public static NpyArray Of(double[] values, params int[] shape) => new(F8, shape, Float64: values);

    public static NpyArray Of(float[] values, params int[] shape) => new(F4, shape, Float32: values);

    /// <summary>The values widened to float64 (float32 and uint8 convert exactly).</summary>
    public double[] ToFloat64() => Float64 ?? Float32?.Select(v => (double)v).ToArray() ?? UInt8!.Select(v => (double)v).ToArray();
}
