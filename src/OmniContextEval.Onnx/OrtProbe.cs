using Microsoft.ML.OnnxRuntime;

namespace OmniContextEval.Onnx;

/// <summary>Reports which ONNX Runtime this process loaded and what it can run on.</summary>
public static class OrtProbe
{
    public static string RuntimeVersion => OrtEnv.Instance().GetVersionString();

    public static IReadOnlyList<string> AvailableProviders => OrtEnv.Instance().GetAvailableProviders();
}
