namespace OmniContextEval.Core.Results;

/// <summary>The inference runtime (e.g. "ONNX Runtime 1.32.0") and the device actually used (cpu, cuda or tensorrt).</summary>
public sealed record InferenceInfo(string Runtime, string Device)
{
    public override string ToString() => $"{Runtime} on {Device}";
}
