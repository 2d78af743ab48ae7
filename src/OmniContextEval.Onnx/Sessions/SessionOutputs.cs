using Microsoft.ML.OnnxRuntime;

namespace OmniContextEval.Onnx.Sessions;

/// <summary>
/// The float32 outputs of one <c>ModelSession.RunInPlace</c>, in manifest order, still in ONNX Runtime's
/// memory. Owns them: spans from <see cref="Values"/> are valid until <see cref="Dispose"/>.
/// </summary>
public sealed class SessionOutputs(IDisposableReadOnlyCollection<OrtValue> outputs) : IDisposable
{
    public int Count => outputs.Count;

    /// <summary>Output <paramref name="index"/>'s shape, batch axis first.</summary>
    public long[] Shape(int index) => outputs[index].GetTensorTypeAndShape().Shape;

    /// <summary>Output <paramref name="index"/>'s values in C order; valid until this object is disposed.</summary>
    public ReadOnlySpan<float> Values(int index) => outputs[index].GetTensorDataAsSpan<float>();

    public void Dispose() => outputs.Dispose();
}
