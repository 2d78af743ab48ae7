using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Results;
using OmniContextEval.Core.Statistics;
using OmniContextEval.Runs;
using OmniContextEval.Runs.Scoring;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Testing;

/// <summary>
/// Builds suites and run folders (generation records, raw metric records, set-level metrics) without running
/// any model: values come from a seeded generator, shifted by <c>quality</c> so tests can make a better or worse run.
/// Case 3's instruction holds script markup; case 5 seed 1 failed; case 7 seed 2 is missing; case 9 is flagged as a copy.
/// </summary>
public static class SyntheticRun
{
    public static readonly int[] Seeds = [0, 1, 2];
    public const string ScriptInstruction = "Put the cat <script>alert('xss')</script> next to the <b>red</b> chair & smile";

    public static SuiteSnapshot Suite(int caseCount = 16, string root = "/suite")
    {
        var subtasks = Enum.GetValues<Subtask>();
        var tiers = Enum.GetValues<DifficultyTier>();
        var cases = Enumerable.Range(0, caseCount).Select(i =>
        {
            var subjects = Enumerable.Range(0, 1 + i % 3).Select(s => new Subject($"subject{s}", SubjectKind.Object, s)).ToList();
            return new BenchmarkCase
            {
                Id = $"case{i:D3}",
                Subtask = subtasks[i % subtasks.Length],
                Tier = tiers[i / 4 % tiers.Length],
                Instruction = new Dictionary<string, string> { ["en"] = i == 3 ? ScriptInstruction : $"Place subject {i} in a sunny garden." },
                InputImages = subjects.Select(s => $"images/case{i:D3}_input{s.ImageIndex}.png").ToList(),
                Subjects = subjects,
                Keywords = ["garden", "sun"],
                ReferenceImage = i % 2 == 0 ? $"images/case{i:D3}_reference.png" : null,
                OutputSize = new OutputSize(64, 64),
            };
        }).ToList();
        return new SuiteSnapshot("synthetic", root, "suitehash0000000000000000000000000000000000000000000000000000000", cases);
    }

    /// <summary>Writes a run folder for <paramref name="suite"/>; returns it.</summary>
    public static string WriteRun(string folder, SuiteSnapshot suite, double quality = 0, string runId = "synthetic-run",
        IReadOnlyList<string>? absentModels = null, ulong noiseSeed = 7)
    {
        var random = new SplitMix64(noiseSeed);
        double U() => random.NextUInt64() / (double)ulong.MaxValue;
        var generation = new List<GenerationRecord>();
        var raw = new List<RawCaseMetrics>();
        for (var i = 0; i < suite.Cases.Count; i++)
        {
            var c = suite.Cases[i];
            var caseLevel = 0.5 + 0.4 * Math.Sin(i * 1.7); // some cases are hard, some easy
            foreach (var seed in Seeds)
            {
                var q = Math.Clamp(caseLevel + quality + 0.1 * (U() - 0.5), 0, 1);
                if (i == 5 && seed == 1) { generation.Add(new(c.Id, seed, GenerationStatus.Failed, null, "exit code 1: out of memory", "cfg", 1.5)); continue; }
                if (i == 7 && seed == 2) { generation.Add(new(c.Id, seed, GenerationStatus.Missing, null, "no output file", "cfg", 0)); continue; }
                var output = $"{c.Id}_s{seed}.png";
                generation.Add(new(c.Id, seed, GenerationStatus.Ok, output, null, "cfg", 2.0));
                raw.Add(Raw(c, seed, q, absentModels ?? [], i == 9));
            }
        }
        JsonLines.Write(Path.Combine(folder, ResultsFiles.Generation), generation);
        JsonLines.Write(Path.Combine(folder, ResultsFiles.RawMetrics), raw);
        var set = new SetLevelMetrics(new Dictionary<string, double> { [SetMetricNames.Fid] = 180 - 80 * quality, [SetMetricNames.Kid] = 0.04 - 0.02 * quality },
            new Dictionary<string, string>(), suite.Cases.Count * Seeds.Length - 2, new Dictionary<string, double> { [SetMetricNames.Kid] = 0.004 });
        AtomicFile.WriteAllText(Path.Combine(folder, ResultsFiles.SetMetrics), JsonSerializer.Serialize(set, JsonOptions.Indented));
        var manifest = new RunManifest(runId, Seeds, "outputs", new GeneratorProvenance("synthetic", "cfg", new Dictionary<string, string> { ["quality"] = quality.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            new Dictionary<string, string> { ["clip"] = new string('a', 64) }, absentModels ?? [], new Dictionary<string, double> { ["generate"] = 12.5, ["measure"] = 3.25 });
        AtomicFile.WriteAllText(Path.Combine(folder, ResultsFiles.Manifest), JsonSerializer.Serialize(manifest, JsonOptions.Indented));
        return folder;
    }

    private static RawCaseMetrics Raw(BenchmarkCase c, int seed, double q, IReadOnlyList<string> absentModels, bool copy)
    {
        var metrics = new Dictionary<string, double>
        {
            [MetricNames.ClipText] = 0.12 + 0.2 * q,
            [MetricNames.ClipImage] = 0.5 + 0.45 * q,
            [MetricNames.DinoGlobal] = 0.2 + 0.7 * q,
        };
        var perItem = new Dictionary<string, IReadOnlyList<double>>
        {
            [MetricNames.DinoSubjects] = c.Subjects.Select((_, s) => Math.Clamp(q - 0.15 * s, 0, 1)).ToList(),
            [MetricNames.Checklist] = [q, Math.Clamp(q + 0.1, 0, 1)],
            [MetricNames.KeywordCoverage] = [q > 0.4 ? 1 : 0, q > 0.6 ? 1 : 0],
        };
        if (c.ReferenceImage is not null)
        {
            metrics[MetricNames.LpipsReference] = 0.7 - 0.5 * q;
            metrics[MetricNames.PsnrReference] = 10 + 18 * q;
            metrics[MetricNames.SsimReference] = 0.2 + 0.6 * q;
        }
        var notComputed = new Dictionary<string, string>();
        if (c.ReferenceImage is null)
            foreach (var m in new[] { MetricNames.LpipsReference, MetricNames.PsnrReference, MetricNames.SsimReference }) notComputed[m] = "no reference image";
        if (absentModels.Contains("dinov2"))
            foreach (var m in new[] { MetricNames.DinoGlobal, MetricNames.DinoSubjects })
            {
                metrics.Remove(m);
                perItem.Remove(m);
                notComputed[m] = "model absent: dinov2";
            }
        return new RawCaseMetrics(c.Id, seed, GenerationStatus.Ok, metrics, perItem, notComputed,
            copy ? ["copy_detected:input0"] : [], null);
    }
}

/// <summary>Scores synthetic run folders under the built-in specification.</summary>
public static class SyntheticScoring
{
    public static RunResults Score(string folder, SuiteSnapshot suite)
    {
        var (results, scores) = new RunScorer(Core.Scoring.ScoringSpecLoader.Default()).Score(suite, RunRecords.Read(folder, suite));
        ResultsWriter.Write(folder, results, scores, Core.Scoring.ScoringSpecLoader.DefaultBytes());
        return results;
    }

    /// <summary>A scored run folder: suite, quality shift and run id.</summary>
    public static string ScoredRun(TempFolder temp, string runId, double quality, SuiteSnapshot? suite = null, IReadOnlyList<string>? absentModels = null, ulong noiseSeed = 7)
    {
        suite ??= SyntheticRun.Suite();
        var folder = temp.Sub(runId);
        SyntheticRun.WriteRun(folder, suite, quality, runId, absentModels, noiseSeed);
        Score(folder, suite);
        return folder;
    }
}
