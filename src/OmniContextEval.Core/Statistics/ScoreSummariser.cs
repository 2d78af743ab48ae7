using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Results;
using OmniContextEval.Core.Scoring;

namespace OmniContextEval.Core.Statistics;

/// <summary>Turns output scores into case summaries (over seeds) and slice summaries (over cases, with intervals).</summary>
public static class ScoreSummariser
{
    /// <summary>One summary per case, in the order of <paramref name="cases"/>; every case must have scores.</summary>
    public static IReadOnlyList<CaseSummary> Cases(IReadOnlyList<CaseScore> scores, IReadOnlyList<BenchmarkCase> cases)
    {
        var byCase = scores.ToLookup(s => s.CaseId);
        return cases.Select(c => Summarise(c, byCase[c.Id].OrderBy(s => s.Seed).ToList())).ToList();
    }

    /// <summary>Overall, per subtask, per group and per tier means with bootstrap intervals over cases.</summary>
    public static ScoreSummary Slices(IReadOnlyList<CaseSummary> cases, IReadOnlyList<string> dimensions, StatisticsSpec settings)
    {
        GroupSummary Slice(string slice, string key, IEnumerable<CaseSummary> members) =>
            Group(slice, key, members.ToList(), dimensions, settings);
        return new ScoreSummary(
            Slice("overall", "all", cases),
            cases.GroupBy(c => c.Subtask).OrderBy(g => g.Key).Select(g => Slice("subtask", SubtaskInfo.PublishedName(g.Key), g)).ToList(),
            cases.GroupBy(c => c.Group).OrderBy(g => g.Key).Select(g => Slice("group", g.Key.ToString().ToUpperInvariant(), g)).ToList(),
            cases.GroupBy(c => c.Tier).OrderBy(g => g.Key).Select(g => Slice("tier", g.Key.ToString().ToLowerInvariant(), g)).ToList());
    }

    private static CaseSummary Summarise(BenchmarkCase benchmarkCase, List<CaseScore> seeds)
    {
        if (seeds.Count == 0) throw new HarnessException($"case {benchmarkCase.Id}: no scores (not even a missing record)");
        var totals = seeds.Select(s => s.Total).ToList();
        var dimensions = seeds.SelectMany(s => s.Dimensions).GroupBy(d => d.Key)
            .ToDictionary(g => g.Key, g => g.Average(d => d.Value));
        return new CaseSummary(benchmarkCase.Id, benchmarkCase.Subtask, benchmarkCase.Group, benchmarkCase.Tier,
            seeds.Count,
            seeds.Count(s => s.Status == GenerationStatus.Failed),
            seeds.Count(s => s.Status == GenerationStatus.Missing),
            totals.Average(), SampleStandardDeviation(totals), dimensions,
            seeds.Any(s => s.Partial),
            seeds.SelectMany(s => s.Flags).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    private static GroupSummary Group(string slice, string key, List<CaseSummary> members, IReadOnlyList<string> dimensions, StatisticsSpec settings)
    {
        var perDimension = new Dictionary<string, Estimate>();
        foreach (var dimension in dimensions)
        {
            var values = members.Where(m => m.Dimensions.ContainsKey(dimension)).Select(m => m.Dimensions[dimension]).ToList();
            if (values.Count > 0) perDimension[dimension] = Bootstrap.Mean(values, settings);
        }
        return new GroupSummary(slice, key, members.Count, members.Sum(m => m.Outputs), members.Sum(m => m.Failed),
            members.Sum(m => m.Missing), Bootstrap.Mean(members.Select(m => m.Total).ToList(), settings), perDimension);
    }

    /// <summary>Sample standard deviation (ddof = 1); 0 for fewer than two values.</summary>
    public static double SampleStandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
