using System.Runtime.InteropServices;

namespace OmniContextEval.Onnx.Sessions;

/// <summary>One native library a GPU provider needs, and whether this process can load it.</summary>
/// <param name="Library">The file name the loader looks for (e.g. libcudart.so.13).</param>
/// <param name="What">What it is, for messages.</param>
public sealed record GpuLibraryStatus(string Library, string What, bool Loads);

/// <summary>
/// The native libraries ONNX Runtime's CUDA and TensorRT providers need at run time (CUDA 13, cuDNN 9, TensorRT 10),
/// probed with <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/>; the provider libraries themselves are looked up
/// beside the binaries, where the NuGet package puts them.
/// </summary>
public static class GpuLibraries
{
    private static readonly (string Library, string What)[] Cuda =
    [
        ("libcuda.so.1", "the NVIDIA driver"),
        ("libcudart.so.13", "the CUDA 13 runtime"),
        ("libcublas.so.13", "cuBLAS from CUDA 13"),
        ("libcublasLt.so.13", "cuBLASLt from CUDA 13"),
        ("libcurand.so.10", "cuRAND from CUDA 13"),
        ("libcudnn.so.9", "cuDNN 9"),
    ];

    private static readonly (string Library, string What)[] TensorRt =
    [
        ("libnvinfer.so.10", "TensorRT 10"),
        ("libnvonnxparser.so.10", "TensorRT 10's ONNX parser"),
    ];

    /// <summary>Every library <paramref name="device"/> needs, in load order, with whether it loads here. CPU needs none.</summary>
    public static IReadOnlyList<GpuLibraryStatus> Probe(ExecutionDevice device)
    {
        if (device == ExecutionDevice.Cpu) return [];
        var needed = device == ExecutionDevice.TensorRt ? Cuda.Concat(TensorRt) : Cuda;
        var provider = device == ExecutionDevice.TensorRt ? "libonnxruntime_providers_tensorrt.so" : "libonnxruntime_providers_cuda.so";
        return needed.Select(l => new GpuLibraryStatus(l.Library, l.What, CanLoad(l.Library)))
            .Append(new GpuLibraryStatus(provider, "ONNX Runtime's provider (from the NuGet package)", ProviderPresent(provider)))
            .ToList();
    }

    /// <summary>The libraries of <see cref="Probe"/> that do not load, each as "file (what)".</summary>
    public static IReadOnlyList<string> Missing(ExecutionDevice device) =>
        Probe(device).Where(l => !l.Loads).Select(l => $"{l.Library} ({l.What})").ToList();

    private static bool CanLoad(string library)
    {
        if (!NativeLibrary.TryLoad(library, out var handle)) return false;
        NativeLibrary.Free(handle);
        return true;
    }

    /// <summary>Beside the binaries, or under runtimes/linux-x64/native/ where a framework-dependent build puts NuGet's native files.</summary>
    private static bool ProviderPresent(string library) =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, library))
        || File.Exists(Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", library))
        || File.Exists(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", library));
}
