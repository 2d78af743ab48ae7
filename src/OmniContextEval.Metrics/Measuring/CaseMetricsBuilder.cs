using OmniContextEval.Core.Results;
using OmniContextEval.Imaging;
using OmniContextEval.Metrics.Clip;
using OmniContextEval.Metrics.Dino;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Similarity;

namespace OmniContextEval.Metrics.Measuring;

/// <summary>Builds one case's <see cref="RawCaseMetrics"/> from features already extracted for all requests.</summary>
/// <param name="referenceValues">PSNR, SSIM and LPIPS of an output (by full path) against its reference, and why any failed.</param>
/// <param name="subjectScore">The DINOv2 region match of (output, input image, subject cells), or null when not computed.</param>
internal sealed class CaseMetricsBuilder(ScoringModels models, Dictionary<string, FeatureResult>? clip,
    Dictionary<string, FeatureResult>? dino, Dictionary<string, float[]> texts,
    Func<string, (IReadOnlyDictionary<string, double> Values, string? Error)> referenceValues,
    Func<string, string, CellBox, double?> subjectScore)
{
    private static readonly string[] NetworkMetrics =
        [MetricNames.ClipText, MetricNames.ClipImage, MetricNames.DinoGlobal, MetricNames.DinoSubjects, MetricNames.KeywordCoverage, MetricNames.Checklist];
    private static readonly string[] ReferenceMetrics = [MetricNames.LpipsReference, MetricNames.PsnrReference, MetricNames.SsimReference];

    /// <summary>Every text a request needs embedded: instruction, keyword prompts, checklist statements and contrasts.</summary>
    public static IEnumerable<string> TextsOf(ScoringRequest r) =>
        new[] { r.Case.EnglishInstruction }
            .Concat(r.Case.Keywords.Select(KeywordPrompts.Statement)).Concat(r.Case.Keywords.Count > 0 ? KeywordPrompts.Contrasts : [])
            .Concat(r.Case.Checklist.SelectMany(c => c.Contrasts.Prepend(c.Statement)));

    public RawCaseMetrics Build(ScoringRequest r)
    {
        var metrics = new Dictionary<string, double>();
        var perItem = new Dictionary<string, IReadOnlyList<double>>();
        var notComputed = new Dictionary<string, string>();
        if (r.OutputImage is null || r.Status != GenerationStatus.Ok)
        {
            foreach (var name in NetworkMetrics.Concat(ReferenceMetrics))
                notComputed[name] = $"no output image (generation {r.Status.ToString().ToLowerInvariant()})";
            return new RawCaseMetrics(r.Case.Id, r.Seed, r.Status, metrics, perItem, notComputed, []);
        }
        var output = Path.GetFullPath(r.OutputImage);
        var inputs = r.InputPaths.ToList();
        var errors = new List<string>();
        var clipOut = Feature(clip, output, ScoringModelNames.ClipImage, errors);
        var dinoOut = Feature(dino, output, ScoringModelNames.DinoV2, errors);
        var clipIn = inputs.Select(p => Feature(clip, p, ScoringModelNames.ClipImage, errors)).ToList();
        var dinoIn = inputs.Select(p => Feature(dino, p, ScoringModelNames.DinoV2, errors)).ToList();

        void Set(string name, double? value, string? whyNot)
        {
            if (value is { } v && double.IsFinite(v)) metrics[name] = v;
            else notComputed[name] = whyNot ?? "no value";
        }
        var clipWhy = Why(clip, ScoringModelNames.ClipImage, clipOut);
        var textWhy = models.ClipText is null ? models.Missing[ScoringModelNames.ClipText] : clipWhy;
        var dinoWhy = Why(dino, ScoringModelNames.DinoV2, dinoOut);

        const string NonFinite = "the CLIP text model gave NaN or infinite values for a text this metric needs";
        bool Embedded(IEnumerable<string> needed) => needed.All(texts.ContainsKey);
        var instructionOk = Embedded([r.Case.EnglishInstruction]);
        Set(MetricNames.ClipText, clipOut is null || models.ClipText is null || !instructionOk ? null
            : Vectors.Cosine(clipOut.Output(), texts[r.Case.EnglishInstruction]), textWhy ?? (instructionOk ? null : NonFinite));
        Set(MetricNames.ClipImage, MeanCosine(clipOut, clipIn, 0), clipWhy ?? "no input image has CLIP features");
        Set(MetricNames.DinoGlobal, MeanCosine(dinoOut, dinoIn, 0), dinoWhy ?? "no input image has DINOv2 features");

        var subjects = dinoOut is null ? null : SubjectMatches(r, output, dinoIn, inputs, errors);
        if (subjects is { Count: > 0 }) perItem[MetricNames.DinoSubjects] = subjects;
        Set(MetricNames.DinoSubjects, subjects is { Count: > 0 } && subjects.All(double.IsFinite) ? subjects.Average() : null,
            dinoWhy ?? (r.Case.Subjects.Count == 0 ? "case lists no subjects" : "a subject's input image has no DINOv2 features"));

        var zeroShotWhy = textWhy ?? (Embedded(TextsOf(r)) ? null : NonFinite);
        if (clipOut is not null && models.ClipText is not null && zeroShotWhy is null)
        {
            var keywordProbabilities = r.Case.Keywords.Select(k => ZeroShot.Probabilities(clipOut.Output(),
                KeywordPrompts.Contrasts.Prepend(KeywordPrompts.Statement(k)).Select(t => texts[t]).ToList())).ToList();
            if (keywordProbabilities.Count > 0)
            {
                perItem[MetricNames.KeywordCoverage] = keywordProbabilities.Select(p => p[0]).ToList();
                Set(MetricNames.KeywordCoverage, keywordProbabilities.Count(p => p[0] >= p.Max()) / (double)keywordProbabilities.Count, null);
            }
            var checklist = r.Case.Checklist.Select(c => ZeroShot.Probabilities(clipOut.Output(),
                c.Contrasts.Prepend(c.Statement).Select(t => texts[t]).ToList())[0]).ToList();
            if (checklist.Count > 0)
            {
                perItem[MetricNames.Checklist] = checklist;
                Set(MetricNames.Checklist, checklist.Average(), null);
            }
        }
        if (!metrics.ContainsKey(MetricNames.KeywordCoverage))
            notComputed[MetricNames.KeywordCoverage] = zeroShotWhy ?? "case lists no keywords";
        if (!metrics.ContainsKey(MetricNames.Checklist))
            notComputed[MetricNames.Checklist] = zeroShotWhy ?? "case lists no checklist items";

        AddReferenceMetrics(r, output, metrics, notComputed, errors);
        // Copies: judged on DINOv2 CLS when present, else on CLIP image embeddings.
        var (globalOut, globalIn) = dinoOut is not null ? (dinoOut, dinoIn) : (clipOut, clipIn);
        var flags = CopyDetector.Detect(globalOut?.ContentHash, globalIn.Select(f => f?.ContentHash).ToList(),
            globalOut?.Output(), globalIn.Select(f => f?.Output()).ToList());
        return new RawCaseMetrics(r.Case.Id, r.Seed, r.Status, metrics, perItem, notComputed, flags,
            errors.Count > 0 ? string.Join("; ", errors.Distinct()) : null);
    }

    private static FeatureResult? Feature(Dictionary<string, FeatureResult>? features, string path, string model, List<string> errors)
    {
        if (features is null || !features.TryGetValue(path, out var result)) return null;
        if (result.Ok) return result;
        errors.Add($"{model}: {result.Describe()}");
        return null;
    }

    private string? Why(Dictionary<string, FeatureResult>? features, string model, FeatureResult? output) =>
        features is null ? models.Missing.GetValueOrDefault(model, $"model '{model}' unavailable")
        : output is null ? $"the output image has no {model} features" : null;

    private static double? MeanCosine(FeatureResult? output, List<FeatureResult?> inputs, int outputIndex)
    {
        if (output is null) return null;
        var cosines = inputs.Where(i => i is not null).Select(i => Vectors.Cosine(output.Output(outputIndex), i!.Output(outputIndex))).ToList();
        return cosines.Count > 0 ? cosines.Average() : null;
    }

    private List<double> SubjectMatches(ScoringRequest r, string output, List<FeatureResult?> inputs, List<string> inputPaths, List<string> errors)
    {
        var scores = new List<double>();
        foreach (var subject in r.Case.Subjects)
        {
            var input = subject.ImageIndex >= 0 && subject.ImageIndex < inputs.Count ? inputs[subject.ImageIndex] : null;
            if (input is null)
            {
                scores.Add(double.NaN);
                continue;
            }
            var (cells, error) = SubjectPairs.CellsOf(subject, inputPaths[subject.ImageIndex]);
            if (error is not null) errors.Add(error);
            scores.Add(subjectScore(output, inputPaths[subject.ImageIndex], cells) ?? double.NaN);
        }
        return scores;
    }

    private void AddReferenceMetrics(ScoringRequest r, string output, Dictionary<string, double> metrics,
        Dictionary<string, string> notComputed, List<string> errors)
    {
        if (r.ReferencePath is null)
        {
            foreach (var name in ReferenceMetrics)
                notComputed[name] = "case has no reference image";
            return;
        }
        var (values, error) = referenceValues(output);
        if (error is not null) errors.Add(error);
        foreach (var name in ReferenceMetrics)
        {
            if (values.TryGetValue(name, out var v)) metrics[name] = v;
            else notComputed[name] = name == MetricNames.LpipsReference && models.Lpips is null
                ? models.Missing.GetValueOrDefault(ScoringModelNames.Lpips, "no LPIPS model")
                : error ?? "reference-image metric gave no value";
        }
    }
}
