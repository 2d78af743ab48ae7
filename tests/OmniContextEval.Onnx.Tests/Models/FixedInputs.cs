namespace OmniContextEval.Onnx.Tests.Models;

/// <summary>The pixel tensors tools/models/_export.py feeds the tiny models when it writes reference outputs.</summary>
public static class FixedInputs
{
    /// <summary>pixel[i] = float32((i * 7919 + 104729) % 1000 / 500.0 - 1.0), i the flat index over [n, 3, 224, 224].</summary>
    public static float[] Pixels(int n, int first = 0)
    {
        const int item = 3 * 224 * 224;
        var result = new float[n * item];
        for (var k = 0; k < result.Length; k++)
        {
            long i = (long)first * item + k;
            result[k] = (float)((i * 7919 + 104729) % 1000 / 500.0 - 1.0);
        }
        return result;
    }

    public static string TinyModels => Testing.TestPaths.Fixture("models");

    public static string Reference(string model, string output) => Testing.TestPaths.Fixture("models", "reference", $"{model}.{output}.npy");
}
