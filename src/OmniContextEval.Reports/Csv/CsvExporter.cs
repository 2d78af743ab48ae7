using System.Globalization;
using CsvHelper;
using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Reports.Csv;

/// <summary>CSV tables (CsvHelper, invariant culture, "\n" line ends, scores with 4 decimals).</summary>
public static class CsvExporter
{
    /// <summary>One row per case: means over seeds and the spread of the total.</summary>
    public static string Cases(RunResults results)
    {
        var dimensions = DimensionNames(results);
        return Table(["case_id", "subtask", "group", "tier", "outputs", "failed", "missing", "total", "total_sd",
            .. dimensions, "partial", "flags"], results.Cases.Select(c => (IEnumerable<string>)[
                c.CaseId, SubtaskInfo.PublishedName(c.Subtask), c.Group.ToString().ToUpperInvariant(), c.Tier.ToString().ToLowerInvariant(),
                Int(c.Outputs), Int(c.Failed), Int(c.Missing), Number(c.Total), Number(c.TotalSpread),
                .. dimensions.Select(d => c.Dimensions.TryGetValue(d, out var v) ? Number(v) : ""),
                c.Partial ? "true" : "false", string.Join(';', c.Flags)]));
    }

    /// <summary>One row per output (case, seed) with every dimension, raw and normalised metric.</summary>
    public static string Scores(RunResults results, IReadOnlyList<CaseScore> scores)
    {
        var dimensions = DimensionNames(results);
        var metrics = scores.SelectMany(s => s.Metrics.Select(m => m.Name)).Distinct().Order(StringComparer.Ordinal).ToList();
        return Table(["case_id", "seed", "status", "total", .. dimensions,
            .. metrics.SelectMany(m => new[] { $"{m}_raw", $"{m}_score" }), "partial", "marks", "flags"],
            scores.Select(s => (IEnumerable<string>)[
                s.CaseId, Int(s.Seed), s.Status.ToString().ToLowerInvariant(), Number(s.Total),
                .. dimensions.Select(d => s.Dimensions.TryGetValue(d, out var v) ? Number(v) : ""),
                .. metrics.SelectMany(m => s.Metrics.FirstOrDefault(x => x.Name == m) is { } x
                    ? new[] { Number(x.Raw), Number(x.Score) } : ["", ""]),
                s.Partial ? "true" : "false", string.Join(';', s.Marks), string.Join(';', s.Flags)]));
    }

    /// <summary>Writes a header and rows; fields are quoted where CSV needs it.</summary>
    public static string Table(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true))
        {
            csv.WriteHeader(header.ToArray());
            foreach (var row in rows) csv.WriteRecord(row.ToArray());
        }
        return text.ToString();
    }

    /// <summary>Scores and raw values: round-trip-safe invariant text with at most 4 decimals (6 for small raw values).</summary>
    public static string Number(double value) => double.IsPositiveInfinity(value) ? "inf"
        : value.ToString(Math.Abs(value) < 0.01 && value != 0 ? "0.######" : "0.####", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static List<string> DimensionNames(RunResults results) =>
        results.Summary.Overall.Dimensions.Keys.ToList();
}
