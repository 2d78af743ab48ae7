using System.Runtime.InteropServices;

namespace OmniContextEval.Imaging.Npy;

/// <summary>The element types the harness reads and writes in NumPy <c>.npy</c> files.</summary>
public enum NpyElementType
{
    /// <summary><c>|u1</c>: unsigned bytes.</summary>
    UInt8,
    /// <summary><c>&lt;f4</c>: little-endian IEEE float32.</summary>
    Float32,
    /// <summary><c>&lt;f8</c>: little-endian IEEE float64 (statistics, e.g. pytorch-fid's mu and sigma).</summary>
    Float64,
}

/// <summary>An n-dimensional array read from a <c>.npy</c> file, C order. Owns its data.</summary>
public sealed class NpyArray
{
    public NpyArray(NpyElementType elementType, IReadOnlyList<int> shape, byte[] data)
    {
        var count = shape.Aggregate(1L, (n, d) => n * d);
        if (count * ElementSize(elementType) != data.Length)
            throw new ArgumentException($"shape ({string.Join(", ", shape)}) needs {count * ElementSize(elementType)} bytes, got {data.Length}", nameof(data));
        ElementType = elementType;
        Shape = shape;
        Data = data;
    }

    public NpyElementType ElementType { get; }
    /// <summary>Dimensions, outermost first (C order).</summary>
    public IReadOnlyList<int> Shape { get; }
    /// <summary>The raw little-endian element bytes.</summary>
    public byte[] Data { get; }
    /// <summary>Number of elements (the product of <see cref="Shape"/>).</summary>
    public long Count => Shape.Aggregate(1L, (n, d) => n * d);

    /// <summary>The elements as float32; only for <see cref="NpyElementType.Float32"/> arrays.</summary>
    public ReadOnlySpan<float> AsFloat32() =>
        ElementType == NpyElementType.Float32
            ? MemoryMarshal.Cast<byte, float>(Data)
            : throw new InvalidOperationException($"array holds {ElementType}, not Float32");

    /// <summary>The elements as float64; only for <see cref="NpyElementType.Float64"/> arrays.</summary>
    public ReadOnlySpan<double> AsFloat64() =>
        ElementType == NpyElementType.Float64
            ? MemoryMarshal.Cast<byte, double>(Data)
            : throw new InvalidOperationException($"array holds {ElementType}, not Float64");

    /// <summary>The elements as bytes; only for <see cref="NpyElementType.UInt8"/> arrays.</summary>
    public ReadOnlySpan<byte> AsUInt8() =>
        ElementType == NpyElementType.UInt8 ? Data : throw new InvalidOperationException($"array holds {ElementType}, not UInt8");

    /// <summary>Bytes per element.</summary>
    public static int ElementSize(NpyElementType type) => type switch { NpyElementType.Float32 => 4, NpyElementType.Float64 => 8, _ => 1 };

    internal static string Descriptor(NpyElementType type) => type switch { NpyElementType.Float32 => "<f4", NpyElementType.Float64 => "<f8", _ => "|u1" };
}
