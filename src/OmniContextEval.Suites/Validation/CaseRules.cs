using System.Collections.Concurrent;
using OmniContextEval.Core.Cases;
using OmniContextEval.Imaging;
using OmniContextEval.Suites.Paths;

namespace OmniContextEval.Suites.Validation;

/// <summary>
/// The checks a case needs beyond its own file: group against subtask, paths inside the suite (also through
/// symlinks), images present and readable (header only, each file read once), subjects pointing at real images.
/// </summary>
public sealed class CaseRules(string suiteFolder, bool readImageHeaders)
{
    private readonly ConcurrentDictionary<string, (ImageInfo? Info, string? Problem)> _images = new(StringComparer.Ordinal);

    /// <summary>Headers read so far, keyed by the path written in the case files.</summary>
    public IReadOnlyDictionary<string, ImageInfo> Headers =>
        _images.Where(kv => kv.Value.Info is not null).ToDictionary(kv => kv.Key, kv => kv.Value.Info!, StringComparer.Ordinal);

    public IReadOnlyList<ValidationIssue> Check(string file, BenchmarkCase c)
    {
        var issues = new List<ValidationIssue>();
        void Fail(string field, string message) => issues.Add(new ValidationIssue(file, c.Id, field, message));

        var infos = new ImageInfo?[c.InputImages.Count];
        for (var i = 0; i < c.InputImages.Count; i++)
            infos[i] = Image(c.InputImages[i], $"inputImages[{i}]", Fail);
        if (c.ReferenceImage is { } reference)
        {
            var info = Image(reference, "referenceImage", Fail);
            if (info is not null && (info.Width != c.OutputSize.Width || info.Height != c.OutputSize.Height))
                Fail("referenceImage", $"is {info.Width}x{info.Height}, but outputSize is {c.OutputSize.Width}x{c.OutputSize.Height}");
        }
        for (var s = 0; s < c.Subjects.Count; s++)
        {
            var subject = c.Subjects[s];
            var field = $"subjects[{s}]";
            if (subject.ImageIndex >= c.InputImages.Count)
            {
                Fail(field + ".imageIndex", $"subject '{subject.Name}' points at input image {subject.ImageIndex}, but the case has {c.InputImages.Count} input image(s) (indices from 0)");
                continue;
            }
            if (subject.Box is { } box && infos[subject.ImageIndex] is { } image &&
                (box.X + box.Width > image.Width || box.Y + box.Height > image.Height))
                Fail(field + ".box", $"box {box.X},{box.Y} {box.Width}x{box.Height} leaves input image {subject.ImageIndex} ({image.Width}x{image.Height})");
            if (subject.Mask is { } mask) Image(mask, field + ".mask", Fail);
        }
        if (Enumerable.Range(0, c.InputImages.Count).FirstOrDefault(i => c.Subjects.All(s => s.ImageIndex != i), -1) is var orphan and >= 0)
            Fail("subjects", $"no subject names input image {orphan} (imageIndex); every input image needs one");
        if (c.FormatVersion != BenchmarkCase.CurrentFormatVersion)
            Fail("formatVersion", $"is {c.FormatVersion}; this harness reads {BenchmarkCase.CurrentFormatVersion}");
        return issues;
    }

    private ImageInfo? Image(string relative, string field, Action<string, string> fail)
    {
        var (info, problem) = _images.GetOrAdd(relative, Inspect);
        if (problem is not null) fail(field, problem);
        return info;
    }

    private (ImageInfo?, string?) Inspect(string relative)
    {
        var full = SuitePaths.TryResolve(suiteFolder, relative, out var problem);
        if (full is null) return (null, $"path {problem}");
        if (!File.Exists(full)) return (null, $"'{relative}' is missing ({full})");
        if (!readImageHeaders) return (null, null);
        try { return (ImageDecoder.ReadInfo(full), null); }
        catch (ImageDecodeException e) { return (null, $"'{relative}' is unreadable: {e.Reason}"); }
    }
}
