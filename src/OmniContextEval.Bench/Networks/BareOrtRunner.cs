using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using OmniContextEval.Onnx.Models;

namespace OmniContextEval.Bench.Networks;

/// <summary>
/// The baseline for benchmarks: a plain ONNX Runtime session on the model file (no verification, no copies, the
/// same thread settings), run repeatedly on one fixed input batch. Owns its session.
/// </summary>
public sealed class BareOrtRunner : IDisposable
{
    private readonly InferenceSession session;
    private readonly OrtValue input;
    private readonly string inputName;
    private readonly string[] outputNames;

    /// <param name="shape">The input shape to run (batch first); the harness's own shape, so both do the same work.</param>
    public BareOrtRunner(string path, ModelEntry entry, long[] shape, int threads)
    {
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        session = new InferenceSession(path, options);
        var spec = entry.Inputs[0];
        var count = (int)shape.Aggregate(1L, (a, d) => a * d);
        var length = (int)shape[^1];
        var random = new Random(0);
        input = spec.ElementType == "int64"
            ? OrtValue.CreateTensorValueFromMemory(Enumerable.Range(0, count).Select(i => i % length < length - 1 ? (long)random.Next(256, 49406) : 49407L).ToArray(), shape)
            : OrtValue.CreateTensorValueFromMemory(Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray(), shape);
        inputName = spec.Name;
        outputNames = entry.Outputs.Select(o => o.Name).ToArray();
    }

    /// <summary>Runs the batch once and returns the seconds it took.</summary>
    public double RunOnce()
    {
        var watch = Stopwatch.StartNew();
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [inputName], [input], outputNames);
        return watch.Elapsed.TotalSeconds;
    }

    public void Dispose()
    {
        input.Dispose();
        session.Dispose();
    }
}
