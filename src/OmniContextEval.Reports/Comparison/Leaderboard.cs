using OmniContextEval.Core.Scoring;
using OmniContextEval.Core.Statistics;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Reports.Comparison;

/// <summary>One ranked run. Runs whose paired difference to the run above is not significant share its rank (a tie).</summary>
/// <param name="VersusAbove">Paired difference to the run ranked directly above (null for the first).</param>
public sealed record LeaderboardEntry(int Rank, string RunId, Estimate Total, IReadOnlyDictionary<string, double> Dimensions,
    IReadOnlyDictionary<string, double> Subtasks, bool TiedWithAbove, PairedDifference? VersusAbove, bool Partial, int Failed, int Missing);

/// <summary>Ranks runs by total with bootstrap intervals and marks ties where the paired difference is not significant.</summary>
public static class Leaderboard
{
    public static IReadOnlyList<LeaderboardEntry> Rank(IReadOnlyList<RunResults> runs, StatisticsSpec settings, bool force = false)
    {
        if (runs.Count == 0) throw new Core.HarnessException("the leaderboard needs at least one run", Core.ExitCodes.UsageError);
        var duplicate = runs.GroupBy(r => r.RunId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new Core.HarnessException($"run '{duplicate.Key}' is given twice", Core.ExitCodes.UsageError);
        foreach (var run in runs.Skip(1)) Compatibility.Check(runs[0], run, force);

        var ordered = runs.OrderByDescending(r => r.Summary.Overall.Total.Mean).ThenBy(r => r.RunId, StringComparer.Ordinal).ToList();
        var entries = new List<LeaderboardEntry>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var run = ordered[i];
            PairedDifference? versus = null;
            var tied = false;
            if (i > 0)
            {
                var above = ordered[i - 1];
                var common = above.Cases.Select(c => c.CaseId).Intersect(run.Cases.Select(c => c.CaseId)).ToHashSet();
                var pairs = PairedCases.Pair(Restrict(above, common), Restrict(run, common));
                versus = PairedCases.Difference(pairs, null, settings);
                tied = !versus.Significant;
            }
            var rank = tied ? entries[^1].Rank : i + 1;
            entries.Add(new LeaderboardEntry(rank, run.RunId, run.Summary.Overall.Total,
                run.Summary.Overall.Dimensions.ToDictionary(d => d.Key, d => d.Value.Mean),
                run.Summary.BySubtask.ToDictionary(s => s.Key, s => s.Total.Mean), tied, versus, run.Partial,
                run.Summary.Overall.Failed, run.Summary.Overall.Missing));
        }
        return entries;
    }

    private static RunResults Restrict(RunResults run, HashSet<string> cases) =>
        run with { Cases = run.Cases.Where(c => cases.Contains(c.CaseId)).ToList() };
}
