using OmniContextEval.Core;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;
using OmniContextEval.Onnx.Tests.Models;

namespace OmniContextEval.Onnx.Tests.Sessions;

public class ExecutionProvidersTests
{
    [Theory]
    [InlineData(ExecutionDevice.Cuda, "cuda")]
    [InlineData(ExecutionDevice.TensorRt, "tensorrt")]
    public void Gpu_session_names_every_library_it_cannot_load(ExecutionDevice device, string name)
    {
        var registry = ModelRegistry.Open(FixedInputs.TinyModels);
        var settings = new SessionSettings(device);
        var missing = GpuLibraries.Missing(device);
        if (missing.Count == 0)
        {
            // A machine with CUDA 13 and cuDNN 9 (and TensorRT 10): the session opens.
            using var session = ModelSession.Open(registry, registry.Get("dinov2-vits14"), settings);
            Assert.Equal("dinov2-vits14", session.Entry.Name);
            return;
        }
        var e = Assert.Throws<InvalidSettingException>(() => ModelSession.Open(registry, registry.Get("dinov2-vits14"), settings));
        Assert.Equal(ExitCodes.RuntimeUnavailable, e.ExitCode);
        Assert.Equal("device", e.Setting);
        Assert.StartsWith($"{name}: cannot load ", e.Message); // the CLI puts "--device" in front
        foreach (var library in missing)
            Assert.Contains(library, e.Message);
    }

    [Fact]
    public void Probe_lists_the_cuda_runtime_libraries_by_name_and_cpu_needs_none()
    {
        Assert.Empty(GpuLibraries.Probe(ExecutionDevice.Cpu));
        var cuda = GpuLibraries.Probe(ExecutionDevice.Cuda).Select(l => l.Library).ToList();
        foreach (var library in new[] { "libcudart.so.13", "libcublas.so.13", "libcublasLt.so.13", "libcurand.so.10", "libcudnn.so.9", "libonnxruntime_providers_cuda.so" })
            Assert.Contains(library, cuda);
        Assert.Contains("libnvinfer.so.10", GpuLibraries.Probe(ExecutionDevice.TensorRt).Select(l => l.Library));
    }

    [Fact]
    public void Device_names_parse_and_unknown_ones_are_usage_errors()
    {
        Assert.Equal(ExecutionDevice.Cuda, SessionSettings.ParseDevice("CUDA"));
        Assert.Equal(ExecutionDevice.Cpu, SessionSettings.ParseDevice("cpu"));
        Assert.Equal(ExecutionDevice.TensorRt, SessionSettings.ParseDevice("TensorRT"));
        var auto = SessionSettings.ParseDevice("auto");
        Assert.Equal(GpuLibraries.Missing(ExecutionDevice.Cuda).Count == 0 ? ExecutionDevice.Cuda : ExecutionDevice.Cpu, auto);
        Assert.Equal(ExitCodes.UsageError, Assert.Throws<InvalidSettingException>(() => SessionSettings.ParseDevice("tpu")).ExitCode);
    }
}
