using Microsoft.ML.OnnxRuntime;

namespace OmniContextEval.Onnx;

/// <summary>Reports which ONNX Runtime this process loaded and what it can run on.</summary>
public static class OrtProbe
{
    /// <summary>The version the native library reports (e.g. 1.32.0).</summary>
    public static string RuntimeVersion => OrtEnv.Instance().GetVersionString();

    /// <summary>
    /// The version of the ONNX Runtime package the build references (Directory.Packages.props), read from its managed
    /// assembly: the one place tests and <c>omnictx doctor</c> compare the native library against.
    /// </summary>
    public static string PackageVersion => typeof(OrtEnv).Assembly.GetName().Version!.ToString(3);

    public static IReadOnlyList<string> AvailableProviders => OrtEnv.Instance().GetAvailableProviders();
}
