using System.Text;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Core.Results;

namespace OmniContextEval.Generation.Running;

/// <summary>
/// generation.jsonl: one <see cref="GenerationRecord"/> per line. Records are appended as whole lines (one write,
/// flushed to disk); a process killed mid-write can leave only a torn last line, which <see cref="Load"/> ignores and
/// <see cref="Rewrite"/> (run at the start and end of every run) removes. The last record for a (case, seed) wins.
/// </summary>
public sealed class GenerationLog(string path)
{
    private readonly Lock _gate = new();

    public string Path { get; } = path;

    /// <summary>The latest record per (case, seed); unparsable lines (a torn tail) are skipped.</summary>
    public Dictionary<(string CaseId, int Seed), GenerationRecord> Load()
    {
        var records = new Dictionary<(string, int), GenerationRecord>();
        if (!File.Exists(Path)) return records;
        foreach (var line in File.ReadLines(Path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                if (JsonSerializer.Deserialize<GenerationRecord>(line, JsonOptions.Compact) is { CaseId: not null } record)
                    records[(record.CaseId, record.Seed)] = record;
            }
            catch (JsonException) { }
        }
        return records;
    }

    /// <summary>Replaces the file atomically with exactly these records, one line each.</summary>
    public void Rewrite(IEnumerable<GenerationRecord> records)
    {
        var text = new StringBuilder();
        foreach (var record in records) text.Append(JsonSerializer.Serialize(record, JsonOptions.Compact)).Append('\n');
        lock (_gate) AtomicFile.WriteAllText(Path, text.ToString());
    }

    /// <summary>Appends one whole line and flushes it to disk.</summary>
    public void Append(GenerationRecord record)
    {
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, JsonOptions.Compact) + "\n");
        lock (_gate)
        {
            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(line);
            stream.Flush(flushToDisk: true);
        }
    }
}
