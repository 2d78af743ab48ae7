namespace OmniContextEval.Onnx.Sessions;

/// <summary>Where inference runs.</summary>
public enum ExecutionDevice { Cpu, Cuda }

/// <summary>How sessions are created: device, threads. The defaults use every core of the CPU.</summary>
/// <param name="IntraOpThreads">Threads inside one operator; 0 lets ONNX Runtime choose (one per core).</param>
/// <param name="InterOpThreads">Threads across independent operators; 1 runs the graph sequentially.</param>
/// <param name="DeviceId">CUDA device ordinal when <paramref name="Device"/> is <see cref="ExecutionDevice.Cuda"/>.</param>
public sealed record SessionSettings(ExecutionDevice Device = ExecutionDevice.Cpu, int IntraOpThreads = 0, int InterOpThreads = 1, int DeviceId = 0)
{
    public static readonly SessionSettings Default = new();

    /// <summary>Parses "cpu" or "cuda" (case-insensitive), as <c>--device</c> takes them.</summary>
    public static ExecutionDevice ParseDevice(string value) => value.ToLowerInvariant() switch
    {
        "cpu" => ExecutionDevice.Cpu,
        "cuda" => ExecutionDevice.Cuda,
        _ => throw new Core.HarnessException($"--device {value}: expected cpu or cuda", Core.ExitCodes.UsageError),
    };
}
