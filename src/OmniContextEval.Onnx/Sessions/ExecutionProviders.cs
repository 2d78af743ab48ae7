using Microsoft.ML.OnnxRuntime;
using OmniContextEval.Core;

namespace OmniContextEval.Onnx.Sessions;

/// <summary>Adds execution providers to session options; GPU failures name the libraries that could not be loaded.</summary>
public static class ExecutionProviders
{
    /// <summary>Configures <paramref name="options"/> for the device; CPU is always present as the fallback.</summary>
    public static void Configure(SessionOptions options, SessionSettings settings)
    {
        if (settings.Device == ExecutionDevice.Cpu) return;
        var name = SessionSettings.NameOf(settings.Device);
        var missing = GpuLibraries.Missing(settings.Device);
        if (missing.Count > 0)
            throw new InvalidSettingException("device", $"{name}: cannot load {string.Join(", ", missing)}; install them or run on the cpu device",
                ExitCodes.RuntimeUnavailable);
        try
        {
            if (settings.Device == ExecutionDevice.TensorRt)
                options.AppendExecutionProvider_Tensorrt(settings.DeviceId);
            options.AppendExecutionProvider_CUDA(settings.DeviceId);
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            throw new InvalidSettingException("device", $"{name}: the execution provider failed to start on device {settings.DeviceId}: {e.Message.Split('\n')[0]}",
                ExitCodes.RuntimeUnavailable, e);
        }
    }
}
