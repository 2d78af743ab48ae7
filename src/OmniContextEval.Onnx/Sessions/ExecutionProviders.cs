using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using OmniContextEval.Core;

namespace OmniContextEval.Onnx.Sessions;

/// <summary>Adds execution providers to session options; CUDA failures name the library that could not be loaded.</summary>
public static class ExecutionProviders
{
    /// <summary>The CUDA provider library and what it needs at run time (CUDA 13, cuDNN 9).</summary>
    public static readonly IReadOnlyList<(string Library, string What)> CudaLibraries =
    [
        ("libcudart.so.13", "the CUDA 13 runtime"),
        ("libcublas.so.13", "cuBLAS from CUDA 13"),
        ("libcudnn.so.9", "cuDNN 9"),
        ("libonnxruntime_providers_cuda.so", "ONNX Runtime's CUDA provider (build with -p:OmniCtxCuda=true)"),
    ];

    /// <summary>Configures <paramref name="options"/> for the device; CPU is always present as the fallback.</summary>
    public static void Configure(SessionOptions options, SessionSettings settings)
    {
        if (settings.Device == ExecutionDevice.Cuda)
            AppendCuda(options, settings.DeviceId);
    }

    /// <summary>Libraries of <see cref="CudaLibraries"/> that cannot be loaded here, with what they are.</summary>
    public static IReadOnlyList<string> MissingCudaLibraries() =>
        CudaLibraries.Where(l => !CanLoad(l.Library)).Select(l => $"{l.Library} ({l.What})").ToList();

    private static void AppendCuda(SessionOptions options, int deviceId)
    {
        var missing = MissingCudaLibraries();
        if (missing.Count > 0)
            throw new HarnessException($"--device cuda: cannot load {string.Join(", ", missing)}; install them or use --device cpu",
                ExitCodes.RuntimeUnavailable);
        try
        {
            options.AppendExecutionProvider_CUDA(deviceId);
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException)
        {
            throw new HarnessException($"--device cuda: the CUDA execution provider failed to start on device {deviceId}: {e.Message.Split('\n')[0]}",
                ExitCodes.RuntimeUnavailable, e);
        }
    }

    private static bool CanLoad(string library)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, library);
        if (NativeLibrary.TryLoad(File.Exists(beside) ? beside : library, out var handle))
        {
            NativeLibrary.Free(handle);
            return true;
        }
        return false;
    }
}
