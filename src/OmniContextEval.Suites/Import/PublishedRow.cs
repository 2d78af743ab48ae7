using System.Text.Json;
using OmniContextEval.Core;

namespace OmniContextEval.Suites.Import;

/// <summary>One row of the published OmniContext data set (fields key, task_type, instruction, instruction_language, input_images).</summary>
public sealed record PublishedRow(string Key, string TaskType, string Instruction, string Language, IReadOnlyList<PublishedImage> InputImages)
{
    /// <summary>
    /// Reads the published parquet file (<see cref="ParquetRows"/>), a JSON array of rows or JSON lines (one row per line)
    /// whose input_images are file paths. Errors name the file, row and field.
    /// </summary>
    public static IReadOnlyList<PublishedRow> ReadAll(string path)
    {
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
            return ParquetRows.ReadAll(path);
        if (!File.Exists(path)) throw new HarnessException($"{path}: file not found");
        var text = File.ReadAllText(path);
        var elements = new List<(JsonElement Row, string Where)>();
        try
        {
            if (text.TrimStart().StartsWith('['))
            {
                using var doc = JsonDocument.Parse(text);
                var i = 0;
                foreach (var row in doc.RootElement.EnumerateArray()) elements.Add((row.Clone(), $"row {i++}"));
            }
            else
            {
                var lines = text.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (lines[i].Trim().Length == 0) continue;
                    try { elements.Add((JsonDocument.Parse(lines[i]).RootElement.Clone(), $"line {i + 1}")); }
                    catch (JsonException e) { throw new HarnessException($"{path}: line {i + 1}: not valid JSON: {e.Message}", ExitCodes.InvalidInput, e); }
                }
            }
        }
        catch (JsonException e)
        {
            throw new HarnessException($"{path}: not valid JSON or JSON lines (line {e.LineNumber + 1}): {e.Message}");
        }
        return elements.Select(e => Parse(path, e.Row, e.Where)).ToArray();
    }

    private static PublishedRow Parse(string path, JsonElement row, string where)
    {
        string Field(string name)
        {
            if (row.ValueKind != JsonValueKind.Object) throw new HarnessException($"{path}: {where}: must be a JSON object");
            if (!row.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Trim().Length == 0)
                throw new HarnessException($"{path}: {where}{KeyOf(row)}: field {name} is missing or not a non-empty string");
            return value.GetString()!;
        }
        var key = Field("key");
        var taskType = Field("task_type");
        var instruction = Field("instruction");
        var language = Field("instruction_language");
        if (!row.TryGetProperty("input_images", out var images) || images.ValueKind != JsonValueKind.Array ||
            images.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String))
            throw new HarnessException($"{path}: {where} (key {key}): field input_images must be a list of image file paths " +
                                       "(images embedded in the rows: import the parquet file itself)");
        return new PublishedRow(key, taskType, instruction, language, images.EnumerateArray().Select(i => PublishedImage.File(i.GetString()!)).ToArray());
    }

    private static string KeyOf(JsonElement row) =>
        row.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String ? $" (key {key.GetString()})" : "";
}
