namespace OmniContextEval.Onnx.Sessions;

/// <summary>Where inference runs.</summary>
public enum ExecutionDevice { Cpu, Cuda, TensorRt }

/// <summary>How sessions are created: device, threads. The defaults use every core of the CPU.</summary>
/// <param name="IntraOpThreads">Threads inside one operator; 0 lets ONNX Runtime choose (one per core).</param>
/// <param name="InterOpThreads">Threads across independent operators; 1 runs the graph sequentially.</param>
/// <param name="DeviceId">GPU ordinal when <paramref name="Device"/> is CUDA or TensorRT.</param>
public sealed record SessionSettings(ExecutionDevice Device = ExecutionDevice.Cpu, int IntraOpThreads = 0, int InterOpThreads = 1, int DeviceId = 0)
{
    public static readonly SessionSettings Default = new();

    /// <summary>
    /// Parses <c>--device</c>: cpu, cuda, tensorrt, or auto (CUDA where its libraries load, else CPU), case-insensitive.
    /// </summary>
    public static ExecutionDevice ParseDevice(string value) => value.ToLowerInvariant() switch
    {
        "cpu" => ExecutionDevice.Cpu,
        "cuda" => ExecutionDevice.Cuda,
        "tensorrt" => ExecutionDevice.TensorRt,
        "auto" => GpuLibraries.Missing(ExecutionDevice.Cuda).Count == 0 ? ExecutionDevice.Cuda : ExecutionDevice.Cpu,
        _ => throw new Core.InvalidSettingException("device", $"{value}: expected cpu, cuda, tensorrt or auto"),
    };

    /// <summary>The name <c>--device</c> takes for <paramref name="device"/>, as provenance records it.</summary>
    public static string NameOf(ExecutionDevice device) => device switch
    {
        ExecutionDevice.Cuda => "cuda",
        ExecutionDevice.TensorRt => "tensorrt",
        _ => "cpu",
    };
}
