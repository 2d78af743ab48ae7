using System.Globalization;
using System.Text;
using OmniContextEval.Core.Cases;

namespace OmniContextEval.Suites.Validation;

/// <summary>How many cases a suite has per subtask and tier.</summary>
public sealed record SuiteCounts(int Total, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> BySubtaskAndTier)
{
    public static SuiteCounts Of(IEnumerable<BenchmarkCase> cases)
    {
        var list = cases.ToList();
        var table = Enum.GetValues<Subtask>().ToDictionary(
            SubtaskInfo.PublishedName,
            s => (IReadOnlyDictionary<string, int>)Enum.GetValues<DifficultyTier>().ToDictionary(
                t => t.ToString().ToLowerInvariant(), t => list.Count(c => c.Subtask == s && c.Tier == t)));
        return new SuiteCounts(list.Count, table);
    }

    public int OfSubtask(Subtask subtask) => BySubtaskAndTier[SubtaskInfo.PublishedName(subtask)].Values.Sum();

    /// <summary>A table: one row per subtask, one column per tier, totals last.</summary>
    public string ToText()
    {
        var tiers = Enum.GetValues<DifficultyTier>().Select(t => t.ToString().ToLowerInvariant()).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"subtask",-24}").AppendJoin("", tiers.Select(t => $"{t,13}")).Append($"{"total",8}\n");
        foreach (var (subtask, row) in BySubtaskAndTier)
            text.Append(CultureInfo.InvariantCulture, $"{subtask,-24}").AppendJoin("", tiers.Select(t => $"{row[t],13}")).Append($"{row.Values.Sum(),8}\n");
        text.Append(CultureInfo.InvariantCulture, $"{"all",-24}")
            .AppendJoin("", tiers.Select(t => $"{BySubtaskAndTier.Values.Sum(r => r[t]),13}")).Append($"{Total,8}\n");
        return text.ToString();
    }
}
