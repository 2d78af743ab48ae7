using Microsoft.ML.OnnxRuntime;
using OmniContextEval.Onnx;

namespace OmniContextEval.Onnx.Tests;

public class OnnxRuntimeSmokeTests
{
    [Fact]
    public void Native_runtime_is_the_pinned_version_with_cpu_provider()
    {
        // The native library is the one the referenced package ships (the version lives only in Directory.Packages.props).
        Assert.Equal(OrtProbe.PackageVersion, OrtProbe.RuntimeVersion);
        Assert.Contains("CPUExecutionProvider", OrtProbe.AvailableProviders);
    }

    [Fact]
    public void Committed_smoke_model_computes_relu_of_affine_map()
    {
        using var session = new InferenceSession(TestPaths.Fixture("models", "smoke-gemm.onnx"));
        float[] x = [1, 2, 3, 4, -1, 0, 1, 0];
        using var input = OrtValue.CreateTensorValueFromMemory(x, [2, 4]);
        using var outputs = session.Run(new RunOptions(), ["x"], [input], ["y"]);
        var y = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        float[] expected = [1.1f, 1.8f, 3.3f, 0.7f, 0.4f, 0.9f];
        Assert.Equal(expected.Length, y.Length);
        for (var i = 0; i < y.Length; i++)
            Assert.Equal(expected[i], y[i], 5);
    }
}
