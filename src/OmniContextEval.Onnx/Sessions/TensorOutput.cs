namespace OmniContextEval.Onnx.Sessions;

/// <summary>One output tensor copied out of ONNX Runtime: float32 values in C order and their shape (batch axis first).</summary>
public sealed record TensorOutput(string Name, float[] Values, long[] Shape)
{
    /// <summary>Elements per batch item.</summary>
    public int ItemSize => (int)(Values.Length / Shape[0]);

    public ReadOnlyMemory<float> Item(int index) => Values.AsMemory(index * ItemSize, ItemSize);

    /// <summary>Whether every value of batch item <paramref name="index"/> is finite.</summary>
    public bool ItemIsFinite(int index)
    {
        foreach (var v in Item(index).Span)
            if (!float.IsFinite(v))
                return false;
        return true;
    }
}
