using OmniContextEval.Core;
using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Results;
using OmniContextEval.Core.Scoring;
using OmniContextEval.Core.Statistics;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Runs.Scoring;

/// <summary>
/// Scores every (case, seed) of the suite under the specification from a run's records and builds results.json's
/// content; writes nothing. A (case, seed) without a generation or raw record is scored 0 as missing, never dropped.
/// </summary>
public sealed class RunScorer(ScoringSpec spec)
{
    public (RunResults Results, IReadOnlyList<CaseScore> Scores) Score(SuiteSnapshot suite, RunRecords records)
    {
        var manifest = records.Manifest;
        var generation = Index(records.Generation, r => (r.CaseId, r.Seed), suite, ResultsFiles.Generation);
        var raw = Index(records.Raw, r => (r.CaseId, r.Seed), suite, ResultsFiles.RawMetrics);
        var seeds = manifest.Seeds.Count > 0 ? manifest.Seeds
            : raw.Keys.Select(k => k.Item2).Concat(generation.Keys.Select(k => k.Item2)).Distinct().Order().ToList();
        if (seeds.Count == 0) throw new HarnessException($"{records.RunFolder}: no seeds in {ResultsFiles.Manifest} and no records to take them from");

        var setLevel = SetLevelScore.From(spec, records.SetLevel);
        var scorer = new CaseScorer(spec, setLevel);
        var scores = new List<CaseScore>();
        foreach (var benchmarkCase in suite.Cases)
            foreach (var seed in seeds)
                scores.Add(scorer.Score(Effective(benchmarkCase.Id, seed, generation, raw), benchmarkCase.ReferenceImage is not null));

        var caseSummaries = ScoreSummariser.Cases(scores, suite.Cases);
        var outputDir = Path.GetFullPath(Path.Combine(records.RunFolder, manifest.OutputDir));
        var results = new RunResults
        {
            SchemaVersion = RunResults.CurrentSchemaVersion,
            RunId = manifest.RunId,
            CreatedUtc = DateTimeOffset.UtcNow,
            Provenance = ProvenanceCollector.Collect(manifest.Generator, manifest.ModelHashes, manifest.TimingsSeconds, manifest.Inference),
            Spec = new SpecIdentity(spec.Name, spec.Version, spec.Sha256),
            Suite = new SuiteIdentity(suite.Name, suite.Root, suite.Sha256, suite.Cases.Count),
            Seeds = seeds,
            Partial = manifest.AbsentModels.Count > 0 || scores.Any(s => s.Partial),
            AbsentModels = manifest.AbsentModels,
            NotComputedCounts = scores.SelectMany(s => s.NotComputed.Keys).GroupBy(k => k).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count()),
            SetLevel = setLevel,
            Summary = ScoreSummariser.Slices(caseSummaries, spec.Dimensions.Select(d => d.Name).ToList(), spec.Statistics),
            Cases = caseSummaries,
            Details = suite.Cases.Select(c => Details(c, suite.Root, outputDir, seeds, generation)).ToList(),
        };
        return (results, scores);
    }

    private static RawCaseMetrics Effective(string caseId, int seed, Dictionary<(string, int), GenerationRecord> generation,
        Dictionary<(string, int), RawCaseMetrics> raw)
    {
        var generated = generation.GetValueOrDefault((caseId, seed));
        if (generated is { Status: not GenerationStatus.Ok })
            return Empty(caseId, seed, generated.Status, generated.Error ?? $"generation {generated.Status.ToString().ToLowerInvariant()}");
        return raw.GetValueOrDefault((caseId, seed))
            ?? Empty(caseId, seed, GenerationStatus.Missing, $"no record in {ResultsFiles.RawMetrics}");
    }

    private static RawCaseMetrics Empty(string caseId, int seed, GenerationStatus status, string error) =>
        new(caseId, seed, status, new Dictionary<string, double>(), new Dictionary<string, IReadOnlyList<double>>(),
            new Dictionary<string, string>(), [], error);

    private static Dictionary<(string, int), T> Index<T>(IReadOnlyList<T> records, Func<T, (string CaseId, int Seed)> key, SuiteSnapshot suite, string file)
    {
        var known = suite.Cases.Select(c => c.Id).ToHashSet();
        var index = new Dictionary<(string, int), T>();
        foreach (var record in records)
        {
            var k = key(record);
            if (!known.Contains(k.CaseId)) throw new HarnessException($"{file}: case '{k.CaseId}' is not in suite '{suite.Name}'");
            if (!index.TryAdd(k, record)) throw new HarnessException($"{file}: case '{k.CaseId}' seed {k.Seed} appears twice");
        }
        return index;
    }

    private static CaseDetails Details(BenchmarkCase c, string suiteRoot, string outputDir, IReadOnlyList<int> seeds,
        Dictionary<(string, int), GenerationRecord> generation) =>
        new(c.Id, c.EnglishInstruction,
            c.InputImages.Select(p => Path.GetFullPath(Path.Combine(suiteRoot, p))).ToList(),
            c.ReferenceImage is null ? null : Path.GetFullPath(Path.Combine(suiteRoot, c.ReferenceImage)),
            seeds.ToDictionary(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s => generation.GetValueOrDefault((c.Id, s)) is { Status: GenerationStatus.Ok, OutputPath: { } p }
                    ? Path.GetFullPath(Path.Combine(outputDir, p)) : null),
            c.Subjects.Select(s => s.Name).ToList());
}
