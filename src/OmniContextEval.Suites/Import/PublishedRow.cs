using System.Text.Json;
using OmniContextEval.Core;

namespace OmniContextEval.Suites.Import;

/// <summary>One row of the published OmniContext data set (fields key, task_type, instruction, instruction_language, input_images).</summary>
public sealed record PublishedRow(string Key, string TaskType, string Instruction, string Language, IReadOnlyList<string> InputImages)
{
    /// <summary>Reads a JSON array of rows, or JSON lines (one row per line). Errors name the file, row and field.</summary>
    public static IReadOnlyList<PublishedRow> ReadAll(string path)
    {
        if (path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
            throw new HarnessException(
                $"{path}: parquet is not supported. Convert it to JSON plus image files first, for example with this Python\n" +
                "script (pandas with pyarrow; save the indented lines as convert.py and run it beside the parquet file):\n" +
                "    import json, os, pandas as pd\n" +
                $"    df = pd.read_parquet(\"{Path.GetFileName(path)}\")\n" +
                "    os.makedirs(\"images\", exist_ok=True)\n" +
                "    rows = []\n" +
                "    for r in df.itertuples():\n" +
                "        names = []\n" +
                "        for i, image in enumerate(r.input_images):\n" +
                "            name = f\"images/{r.key}_{i}.png\"\n" +
                "            open(name, \"wb\").write(image[\"bytes\"])\n" +
                "            names.append(name)\n" +
                "        rows.append(dict(key=r.key, task_type=r.task_type, instruction=r.instruction,\n" +
                "                         instruction_language=r.instruction_language, input_images=names))\n" +
                "    json.dump(rows, open(\"omnicontext.json\", \"w\"), ensure_ascii=False)\n" +
                "then run `omnictx cases import omnicontext.json --out DIR`.");
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
                    if (lines[i].Trim().Length > 0)
                        elements.Add((JsonDocument.Parse(lines[i]).RootElement.Clone(), $"line {i + 1}"));
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
                                       "(embedded image bytes: convert as described for parquet)");
        return new PublishedRow(key, taskType, instruction, language, images.EnumerateArray().Select(i => i.GetString()!).ToArray());
    }

    private static string KeyOf(JsonElement row) =>
        row.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String ? $" (key {key.GetString()})" : "";
}
