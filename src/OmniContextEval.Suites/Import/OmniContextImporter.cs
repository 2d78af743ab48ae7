using System.Security.Cryptography;
using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Core.Cases;
using OmniContextEval.Imaging;
using OmniContextEval.Suites.Loading;
using OmniContextEval.Suites.Paths;
using OmniContextEval.Suites.Validation;

namespace OmniContextEval.Suites.Import;

/// <summary>What an import wrote, and which published keys it left out and why.</summary>
public sealed record ImportReport(string SuiteFolder, int Cases, IReadOnlyList<string> Skipped);

/// <summary>
/// Converts the published OmniContext data (its parquet files, or JSON rows + image files) into a suite folder in
/// the case format. Images are written once, byte for byte, into pool/ under their content hash with the extension
/// of their format (PNG, JPEG, WebP; anything else is refused); rows sharing a key merge their languages. Image
/// paths in JSON rows must stay inside the images folder. The published data has no reference images, so the
/// metrics that need one are not computed for an imported suite.
/// The published data has no tiers, subjects or checklists: tier follows the group (single: basic, multiple:
/// intermediate, scene: advanced), each input image becomes one subject whose kind follows the task type
/// (characters first, then objects, the scene last), and the output size is the published 1024x1024.
/// </summary>
public static class OmniContextImporter
{
    public const int PublishedOutputSize = 1024;

    /// <param name="rowsPath">A published parquet file, or a JSON array or JSON lines of rows whose image paths are relative to <paramref name="imagesRoot"/>.</param>
    /// <param name="imagesRoot">Folder the rows' image paths are relative to; null: the rows file's folder.</param>
    public static ImportReport Import(string rowsPath, string outFolder, string? imagesRoot = null, string? name = null)
    {
        var rows = PublishedRow.ReadAll(rowsPath);
        imagesRoot ??= Path.GetDirectoryName(Path.GetFullPath(rowsPath))!;
        var skipped = new List<string>();
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var written = 0;
        foreach (var group in rows.GroupBy(r => r.Key, StringComparer.Ordinal))
        {
            var key = group.Key;
            var first = group.First();
            if (!CaseStructure.IsValidId(key))
                throw new HarnessException($"{rowsPath}: key '{key}' cannot be a case id (letters, digits, '_', '.', '-' only)");
            if (!SubtaskInfo.TryParse(first.TaskType, out var subtask))
                throw new HarnessException($"{rowsPath}: key {key}: task_type '{first.TaskType}' is not one of the 8 OmniContext task types");
            if (group.Any(r => r.TaskType != first.TaskType || r.InputImages.Count != first.InputImages.Count || r.InputImages.Where((image, i) => !image.SameAs(first.InputImages[i])).Any()))
                throw new HarnessException($"{rowsPath}: key {key}: rows with this key disagree on task_type or input_images");
            var instruction = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in group)
                if (!instruction.TryAdd(row.Language, row.Instruction))
                    throw new HarnessException($"{rowsPath}: key {key}: two rows with instruction_language '{row.Language}'");
            if (!instruction.ContainsKey("en")) { skipped.Add($"{key}: no English instruction (languages: {string.Join(", ", instruction.Keys)})"); continue; }
            if (first.InputImages.Count is < 1 or > 3)
                throw new HarnessException($"{rowsPath}: key {key}: input_images has {first.InputImages.Count} images; 1 to 3 expected");
            var inputs = first.InputImages.Select(image => CopyToPool(imagesRoot, image, outFolder, pool, key)).ToArray();
            var benchmarkCase = new BenchmarkCase
            {
                Id = key, Subtask = subtask, Tier = TierOf(subtask), Instruction = instruction, InputImages = inputs,
                Subjects = SubjectsOf(subtask, inputs.Length),
                OutputSize = new OutputSize(PublishedOutputSize, PublishedOutputSize),
            };
            AtomicFile.WriteAllText(Path.Combine(outFolder, SuiteLoader.CasesFolder, first.TaskType, key + ".json"), CaseJson.Serialize(benchmarkCase));
            written++;
        }
        var manifest = new SuiteManifest(name ?? Path.GetFileName(Path.GetFullPath(outFolder).TrimEnd('/')), "imported",
            $"imported from {Path.GetFileName(rowsPath)} (published OmniContext data)");
        AtomicFile.WriteAllText(Path.Combine(outFolder, SuiteManifest.FileName), JsonSerializer.Serialize(manifest, JsonOptions.Indented) + "\n");
        return new ImportReport(Path.GetFullPath(outFolder), written, skipped);
    }

    private static string CopyToPool(string imagesRoot, PublishedImage image, string outFolder, Dictionary<string, string> pool, string key)
    {
        var bytes = image.Bytes ?? ReadInside(imagesRoot, image.Name, key);
        ImageFormat format;
        try { format = ImageDecoder.ReadInfo(bytes, image.Name).Format; }
        catch (ImageDecodeException e) { throw new HarnessException($"key {key}: input image {e.Message}", ExitCodes.InvalidInput, e); }
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        if (pool.TryGetValue(hash, out var existing)) return existing;
        var relative = $"pool/{hash}{Extension(format)}";
        AtomicFile.WriteAllBytes(Path.Combine(outFolder, relative), bytes);
        pool[hash] = relative;
        return relative;
    }

    /// <summary>Largest input image file read (as a run's outputs, 256 MiB).</summary>
    private const long MaxImageBytes = 256L << 20;

    /// <summary>
    /// The bytes of a JSON row's image file: its path must stay inside the images folder (links included) and lead to a
    /// regular file, read without blocking (<see cref="SafeFile"/>: no FIFO, device or directory).
    /// </summary>
    private static byte[] ReadInside(string imagesRoot, string image, string key)
    {
        var source = SuitePaths.TryResolve(imagesRoot, image, out var problem)
            ?? throw new HarnessException($"key {key}: input image path {problem} (images folder {imagesRoot})", ExitCodes.InvalidInput);
        var real = SuitePaths.RealPath(source);
        if (!File.Exists(real) && !Directory.Exists(real))
            throw new HarnessException($"key {key}: input image {image} not found ({source})", ExitCodes.InvalidInput);
        try { return SafeFile.ReadAll(real, image, MaxImageBytes); }
        catch (ImageDecodeException e) { throw new HarnessException($"key {key}: input image {e.Message}", ExitCodes.InvalidInput, e); }
    }

    private static string Extension(ImageFormat format) => format switch
    {
        ImageFormat.Png => ".png",
        ImageFormat.Jpeg => ".jpg",
        _ => ".webp",
    };

    private static DifficultyTier TierOf(Subtask subtask) => SubtaskInfo.GroupOf(subtask) switch
    {
        TaskGroup.Single => DifficultyTier.Basic,
        TaskGroup.Multiple => DifficultyTier.Intermediate,
        _ => DifficultyTier.Advanced,
    };

    private static IReadOnlyList<Subject> SubjectsOf(Subtask subtask, int count)
    {
        var name = SubtaskInfo.PublishedName(subtask);
        var scene = name.StartsWith("scene", StringComparison.Ordinal);
        return Enumerable.Range(0, count).Select(i =>
        {
            var kind = scene && i == count - 1 ? SubjectKind.Scene
                : name.EndsWith("character", StringComparison.Ordinal) ? SubjectKind.Character
                : name.EndsWith("_object", StringComparison.Ordinal) && !name.Contains("character") ? SubjectKind.Object
                : i == 0 ? SubjectKind.Character
                : i == count - (scene ? 2 : 1) ? SubjectKind.Object : SubjectKind.Character;
            return new Subject($"image {i + 1}", kind, i);
        }).ToArray();
    }
}
