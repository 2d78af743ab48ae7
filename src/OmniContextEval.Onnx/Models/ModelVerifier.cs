using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OmniContextEval.Core;

namespace OmniContextEval.Onnx.Models;

/// <summary>The outcome of checking one model: empty <see cref="Problems"/> means it is usable.</summary>
/// <param name="Sha256">The file's actual SHA-256, or null when the file is missing.</param>
public sealed record ModelCheck(string Name, string Path, string? Sha256, IReadOnlyList<string> Problems)
{
    public bool Ok => Problems.Count == 0;

    /// <summary>Throws a <see cref="ExitCodes.ModelError"/> naming the model and every problem, unless <see cref="Ok"/>.</summary>
    public void ThrowIfFailed()
    {
        if (!Ok)
            throw new HarnessException($"model '{Name}' ({Path}): {string.Join("; ", Problems)}", ExitCodes.ModelError);
    }
}

/// <summary>
/// Checks a manifest entry against its file: present, SHA-256 equal, loadable by ONNX Runtime, and input and
/// output names, element types and shapes equal to the manifest (-1 in the manifest means a dynamic dimension);
/// and the side files its settings name (<see cref="SideFileKeys"/>: the CLIP vocabulary, LPIPS linear weights) present.
/// </summary>
public static class ModelVerifier
{
    /// <summary>Keys of <see cref="ModelEntry.Extra"/> whose values are files beside the models.</summary>
    public static readonly IReadOnlyList<string> SideFileKeys = ["vocabulary", "linWeights"];

    public static ModelCheck Verify(ModelRegistry registry, ModelEntry entry)
    {
        var path = registry.PathOf(entry);
        if (!File.Exists(path))
            return new ModelCheck(entry.Name, path, null, [$"file {entry.File} is missing from {registry.Folder} (run 'omnictx models fetch' or tools/export-models.py)"]);
        var sha = FileHashes.Sha256(path);
        var problems = new List<string>();
        if (!string.Equals(sha, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            problems.Add($"sha256 expected {entry.Sha256}, found {sha} (file changed or corrupt)");
        try
        {
            using var options = new SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
            using var session = new InferenceSession(path, options);
            CompareSignature("input", entry.Inputs, session.InputMetadata, problems);
            CompareSignature("output", entry.Outputs, session.OutputMetadata, problems);
        }
        catch (OnnxRuntimeException e)
        {
            problems.Add($"ONNX Runtime cannot load the file: {FirstLine(e.Message)}");
        }
        foreach (var key in SideFileKeys)
            if (registry.ExtraFilePath(entry, key) is { } side && !File.Exists(side))
                problems.Add($"{key} file {Path.GetFileName(side)} is missing from {registry.Folder}");
        return new ModelCheck(entry.Name, path, sha, problems);
    }

    /// <summary>Adds a problem for every expected tensor that is absent or differs, and for unexpected ones.</summary>
    public static void CompareSignature(string kind, IReadOnlyList<TensorSpec> expected,
        IReadOnlyDictionary<string, NodeMetadata> found, List<string> problems)
    {
        foreach (var spec in expected)
        {
            if (!found.TryGetValue(spec.Name, out var meta))
            {
                problems.Add($"{kind} '{spec.Name}' expected, found {kind}s [{string.Join(", ", found.Keys)}]");
                continue;
            }
            var foundType = meta.IsTensor ? ElementTypeName(meta.ElementDataType) : meta.OnnxValueType.ToString();
            if (foundType != spec.ElementType)
                problems.Add($"{kind} '{spec.Name}' element type expected {spec.ElementType}, found {foundType}");
            var shape = meta.IsTensor ? meta.Dimensions.Select(d => (long)d).ToArray() : [];
            if (!shape.SequenceEqual(spec.Shape))
                problems.Add($"{kind} '{spec.Name}' shape expected {FormatShape(spec.Shape)}, found {FormatShape(shape)}");
        }
        foreach (var name in found.Keys.Where(n => expected.All(s => s.Name != n)))
            problems.Add($"unexpected {kind} '{name}' (the manifest lists [{string.Join(", ", expected.Select(s => s.Name))}])");
    }

    public static string ElementTypeName(TensorElementType type) => type switch
    {
        TensorElementType.Float => "float32",
        TensorElementType.Float16 => "float16",
        TensorElementType.Double => "float64",
        TensorElementType.Int64 => "int64",
        TensorElementType.Int32 => "int32",
        TensorElementType.UInt8 => "uint8",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static string FormatShape(IEnumerable<long> shape) => "[" + string.Join(",", shape) + "]";

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
