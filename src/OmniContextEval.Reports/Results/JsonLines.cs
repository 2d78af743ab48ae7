using System.Text;
using System.Text.Json;
using OmniContextEval.Core;

namespace OmniContextEval.Reports.Results;

/// <summary>Reads and writes JSON Lines files (one compact JSON value per line, UTF-8, "\n").</summary>
public static class JsonLines
{
    /// <summary>Writes all records atomically.</summary>
    public static void Write<T>(string path, IEnumerable<T> records)
    {
        var text = new StringBuilder();
        foreach (var record in records) text.Append(JsonSerializer.Serialize(record, JsonOptions.Compact)).Append('\n');
        AtomicFile.WriteAllText(path, text.ToString());
    }

    /// <summary>Reads every non-blank line; a line that is not a valid record fails naming the file and line.</summary>
    public static List<T> Read<T>(string path)
    {
        if (!File.Exists(path)) throw new HarnessException($"{path}: file not found");
        var records = new List<T>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                records.Add(JsonSerializer.Deserialize<T>(line, JsonOptions.Compact)
                    ?? throw new HarnessException($"{path}:{number}: null record"));
            }
            catch (JsonException e)
            {
                throw new HarnessException($"{path}:{number}: not a valid {typeof(T).Name} record ({e.Message})");
            }
        }
        return records;
    }
}
