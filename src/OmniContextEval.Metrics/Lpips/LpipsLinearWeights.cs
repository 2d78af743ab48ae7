using System.Text.Json;
using OmniContextEval.Core;

namespace OmniContextEval.Metrics.Lpips;

/// <summary>
/// The LPIPS v0.1 linear layers (one non-negative weight per channel per tap), read from the JSON layout of
/// ../shared/reference-data/lpips/lpips_v0.1_lin_weights.json:
/// <c>{"v0.1/alex": {"lin0.model.1.weight": {"shape": [1, 64, 1, 1], "values": [...]}, ...}}</c>.
/// </summary>
public sealed class LpipsLinearWeights
{
    private LpipsLinearWeights(string key, IReadOnlyList<float[]> taps)
    {
        Key = key;
        Taps = taps;
    }

    /// <summary>The network key inside the file, e.g. "v0.1/alex".</summary>
    public string Key { get; }

    /// <summary>Per tap, one weight per channel (lin0 .. lin4).</summary>
    public IReadOnlyList<float[]> Taps { get; }

    /// <summary>Loads the layers of <paramref name="key"/>; every failure names the file and the field.</summary>
    public static LpipsLinearWeights Load(string path, string key)
    {
        if (!File.Exists(path))
            throw new HarnessException($"{path}: LPIPS linear weights file not found", ExitCodes.ModelError);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new HarnessException($"{path}: malformed JSON: {e.Message}", ExitCodes.ModelError, e);
        }
        using (document)
        {
            if (!document.RootElement.TryGetProperty(key, out var net))
                throw new HarnessException($"{path}: no entry '{key}' (has: {string.Join(", ", document.RootElement.EnumerateObject().Select(p => p.Name))})", ExitCodes.ModelError);
            var taps = new List<float[]>();
            for (int k = 0; net.TryGetProperty($"lin{k}.model.1.weight", out var layer); k++)
                taps.Add(ReadLayer(path, $"{key}.lin{k}", layer));
            if (taps.Count == 0)
                throw new HarnessException($"{path}: '{key}' has no 'lin0.model.1.weight'", ExitCodes.ModelError);
            return new LpipsLinearWeights(key, taps);
        }
    }

    private static float[] ReadLayer(string path, string field, JsonElement layer)
    {
        if (!layer.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
            throw new HarnessException($"{path}: {field} has no 'values' array", ExitCodes.ModelError);
        var weights = values.EnumerateArray().Select(v => v.GetSingle()).ToArray();
        int bad = Array.FindIndex(weights, w => !float.IsFinite(w) || w < 0);
        if (bad >= 0)
            throw new HarnessException($"{path}: {field}[{bad}] = {weights[bad]}; LPIPS linear weights must be finite and non-negative", ExitCodes.ModelError);
        return weights;
    }
}
