using OmniContextEval.Core;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;
using OmniContextEval.Onnx.Tests.Models;

namespace OmniContextEval.Onnx.Tests.Sessions;

public class ExecutionProvidersTests
{
    [Fact]
    public void CudaSessionNamesEveryLibraryItCannotLoad()
    {
        var registry = ModelRegistry.Open(FixedInputs.TinyModels);
        var settings = new SessionSettings(ExecutionDevice.Cuda);
        var missing = ExecutionProviders.MissingCudaLibraries();
        if (missing.Count == 0)
        {
            // A machine with CUDA 13, cuDNN 9 and the CUDA build: the session opens.
            using var session = ModelSession.Open(registry, registry.Get("dinov2-vits14"), settings);
            Assert.Equal("dinov2-vits14", session.Entry.Name);
            return;
        }
        var e = Assert.Throws<HarnessException>(() => ModelSession.Open(registry, registry.Get("dinov2-vits14"), settings));
        Assert.Equal(ExitCodes.RuntimeUnavailable, e.ExitCode);
        Assert.StartsWith("--device cuda: cannot load ", e.Message);
        foreach (var library in missing)
            Assert.Contains(library, e.Message);
    }

    [Fact]
    public void DeviceNamesParseAndUnknownOnesAreUsageErrors()
    {
        Assert.Equal(ExecutionDevice.Cuda, SessionSettings.ParseDevice("CUDA"));
        Assert.Equal(ExecutionDevice.Cpu, SessionSettings.ParseDevice("cpu"));
        Assert.Equal(ExitCodes.UsageError, Assert.Throws<HarnessException>(() => SessionSettings.ParseDevice("tpu")).ExitCode);
    }
}
