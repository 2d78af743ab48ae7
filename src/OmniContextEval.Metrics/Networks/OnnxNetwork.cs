using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using OmniContextEval.Core;
using OmniContextEval.Onnx.Models;

namespace OmniContextEval.Metrics.Networks;

/// <summary>
/// One ONNX network from a models folder (entry in models.json), run on CPU with a fixed thread count: float32
/// NCHW batch in, named float32 outputs copied out. A deliberately small runner for the FID and LPIPS networks;
/// the shared session engine (model registry, providers, feature cache) is built on branch metrics-nets.
/// Owns its <see cref="InferenceSession"/>; dispose it when done.
/// </summary>
public sealed class OnnxNetwork : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();

    private OnnxNetwork(ModelEntry entry, InferenceSession session)
    {
        Entry = entry;
        _session = session;
    }

    public ModelEntry Entry { get; }

    public string InputName => Entry.Inputs[0].Name;

    /// <summary>Opens <paramref name="name"/> from <paramref name="modelsDir"/>, checking the file's sha256 and input name.</summary>
    public static OnnxNetwork Open(string modelsDir, string name, int threads = 2)
    {
        var manifest = ModelManifest.Load(modelsDir);
        var entry = manifest.Find(name) ?? throw new HarnessException(
            $"{Path.Combine(modelsDir, ModelManifest.FileName)}: no model '{name}' (has: {string.Join(", ", manifest.Models.Select(m => m.Name))})", ExitCodes.ModelError);
        var path = Path.Combine(modelsDir, entry.File);
        if (!File.Exists(path))
            throw new HarnessException($"model '{name}': file {path} not found", ExitCodes.ModelError);
        using (var stream = File.OpenRead(path))
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (!string.Equals(hash, entry.Sha256, StringComparison.OrdinalIgnoreCase))
                throw new HarnessException($"model '{name}': {path} has sha256 {hash}, models.json expects {entry.Sha256}", ExitCodes.ModelError);
        }
        var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                                           GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        InferenceSession session;
        try
        {
            session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new HarnessException($"model '{name}': ONNX Runtime cannot load {path}: {e.Message}", ExitCodes.ModelError, e);
        }
        var expected = entry.Inputs.Select(i => i.Name).ToArray();
        if (expected.Length == 0 || !session.InputMetadata.ContainsKey(expected[0]))
        {
            var has = string.Join(", ", session.InputMetadata.Keys);
            session.Dispose();
            throw new HarnessException($"model '{name}': models.json names input '{expected.FirstOrDefault()}', the graph has {has}", ExitCodes.ModelError);
        }
        return new OnnxNetwork(entry, session);
    }

    /// <summary>Runs one batch; <paramref name="shape"/> is the input's NCHW shape. Outputs in models.json order.</summary>
    public IReadOnlyList<NetworkOutput> Run(float[] input, long[] shape)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        var outputNames = Entry.Outputs.Select(o => o.Name).ToArray();
        using var outputs = _session.Run(_runOptions, [InputName], [value], outputNames);
        var result = new NetworkOutput[outputNames.Length];
        for (int i = 0; i < outputNames.Length; i++)
            result[i] = new NetworkOutput(outputNames[i], outputs[i].GetTensorDataAsSpan<float>().ToArray(),
                                          outputs[i].GetTensorTypeAndShape().Shape);
        return result;
    }

    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }
}
