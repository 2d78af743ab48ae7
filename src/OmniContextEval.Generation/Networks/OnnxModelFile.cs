using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using OmniContextEval.Core;
using OmniContextEval.Onnx.Models;

namespace OmniContextEval.Generation.Networks;

/// <summary>
/// Opens a network named in a models folder's manifest: checks the file exists and hashes to its sha256, creates the
/// session and checks the declared inputs and outputs exist. Owns the session; dispose to release it.
/// </summary>
public sealed class OnnxModelFile : IDisposable
{
    private OnnxModelFile(ModelEntry entry, InferenceSession session, string sha256)
    {
        Entry = entry;
        Session = session;
        Sha256 = sha256;
    }

    public ModelEntry Entry { get; }
    public InferenceSession Session { get; }
    /// <summary>The file's SHA-256, lower-case hex, as checked against the manifest.</summary>
    public string Sha256 { get; }

    public static OnnxModelFile Open(string modelsDirectory, ModelManifest manifest, string name, int intraOpThreads = 0)
    {
        var entry = manifest.Find(name)
            ?? throw new HarnessException($"{Path.Combine(modelsDirectory, ModelManifest.FileName)}: no model named '{name}' (have: {string.Join(", ", manifest.Models.Select(m => m.Name))})", ExitCodes.ModelError);
        var path = Path.Combine(modelsDirectory, entry.File);
        if (!File.Exists(path)) throw new HarnessException($"{path}: model file of '{name}' not found", ExitCodes.ModelError);
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        if (!string.Equals(hash, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new HarnessException($"{path}: sha256 {hash}, the manifest says {entry.Sha256}", ExitCodes.ModelError);
        using var options = new SessionOptions { IntraOpNumThreads = intraOpThreads };
        InferenceSession session;
        try { session = new InferenceSession(path, options); }
        catch (OnnxRuntimeException e) { throw new HarnessException($"{path}: ONNX Runtime cannot load it: {e.Message}", ExitCodes.ModelError, e); }
        foreach (var input in entry.Inputs.Where(i => !session.InputMetadata.ContainsKey(i.Name)))
        {
            session.Dispose();
            throw new HarnessException($"{path}: the manifest names input '{input.Name}', the network has {string.Join(", ", session.InputNames)}", ExitCodes.ModelError);
        }
        foreach (var output in entry.Outputs.Where(o => !session.OutputMetadata.ContainsKey(o.Name)))
        {
            session.Dispose();
            throw new HarnessException($"{path}: the manifest names output '{output.Name}', the network has {string.Join(", ", session.OutputNames)}", ExitCodes.ModelError);
        }
        return new OnnxModelFile(entry, session, hash);
    }

    /// <summary>Runs a single-input, single-output network (a VAE half) on a float tensor.</summary>
    public float[] RunSingle(float[] input, long[] shape)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        using var outputs = Session.Run(runOptions, [Entry.Inputs[0].Name], [value], [Entry.Outputs[0].Name]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public void Dispose() => Session.Dispose();
}
