using System.Text.Json;
using OmniContextEval.Core;

namespace OmniContextEval.Onnx.Models;

/// <summary>
/// <c>models.json</c> in a models folder: one entry per ONNX network the harness can load.
/// Example entry: name "clip-vit-b32-image", file "clip-vit-b32-image.onnx", sha256, inputs
/// [{name "pixel_values", shape [-1,3,224,224]}], outputs, preprocess "clip", embeddingSize 512.
/// </summary>
public sealed record ModelManifest(int SchemaVersion, IReadOnlyList<ModelEntry> Models)
{
    public const string FileName = "models.json";
    public const int CurrentSchemaVersion = 1;

    public static ModelManifest Load(string modelsDir)
    {
        var path = Path.Combine(modelsDir, FileName);
        if (!File.Exists(path))
            throw new HarnessException($"{path}: no model manifest (expected {FileName} in the models folder)", ExitCodes.ModelError);
        try
        {
            var manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), JsonOptions.Indented)
                ?? throw new HarnessException($"{path}: empty manifest", ExitCodes.ModelError);
            if (manifest.SchemaVersion != CurrentSchemaVersion)
                throw new HarnessException($"{path}: schemaVersion {manifest.SchemaVersion}, this harness reads {CurrentSchemaVersion}", ExitCodes.ModelError);
            return manifest;
        }
        catch (JsonException e)
        {
            throw new HarnessException($"{path}: malformed JSON at line {e.LineNumber + 1}: {e.Message}", ExitCodes.ModelError, e);
        }
    }

    public ModelEntry? Find(string name) => Models.FirstOrDefault(m => m.Name == name);
}

/// <summary>One network: where its file is, what it must hash to, and what it takes and gives.</summary>
/// <param name="Preprocess">Preprocessing mode name (e.g. "clip", "dinov2", "inception-clean", "lpips"), or null for text models.</param>
/// <param name="Extra">Model-specific settings (e.g. the CLIP vocabulary file, LPIPS linear weights file).</param>
public sealed record ModelEntry(
    string Name,
    string Version,
    string File,
    string Sha256,
    IReadOnlyList<TensorSpec> Inputs,
    IReadOnlyList<TensorSpec> Outputs,
    string? Preprocess = null,
    int? EmbeddingSize = null,
    IReadOnlyDictionary<string, string>? Extra = null);

/// <summary>A named tensor and its shape; -1 marks a dynamic dimension (usually the batch).</summary>
public sealed record TensorSpec(string Name, IReadOnlyList<long> Shape, string ElementType = "float32");
