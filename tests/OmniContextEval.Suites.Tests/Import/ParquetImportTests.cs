using System.Security.Cryptography;
using System.Text.Json.Serialization;
using OmniContextEval.Core;
using OmniContextEval.Suites.Import;
using OmniContextEval.Suites.Loading;
using OmniContextEval.Testing;
using Parquet.Serialization;

namespace OmniContextEval.Suites.Tests.Import;

/// <summary>
/// The published parquet schema (strings, and input_images as a list of structs with bytes and path), written by
/// Parquet.Net (a managed implementation) and read by the harness through ParquetSharp (Arrow's parquet-cpp).
/// </summary>
public sealed class ParquetImportTests : IDisposable
{
    private static readonly string Images = TestPaths.Fixture("suites", "omnicontext-published", "images");
    private readonly string _out = TestPaths.NewTempDir("omnictx-parquet");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task A_published_parquet_file_becomes_a_valid_suite_with_every_image_byte_for_byte()
    {
        var girl = File.ReadAllBytes(Path.Combine(Images, "girl.png"));
        var park = File.ReadAllBytes(Path.Combine(Images, "park.jpg"));
        var cup = File.ReadAllBytes(Path.Combine(Images, "cup.png"));
        var file = await Write(
            Row("sc_0001", "single_character", "The girl in image 1 waves in a sunny park.", "en", ("girl.png", girl)),
            Row("sc_0001", "single_character", "图1中的女孩在阳光明媚的公园里挥手。", "zh", ("girl.png", girl)),
            Row("so_0002", "scene_object", "Put the cup 🍵 from image 1 on the table in image 2.", "en", (null, cup), ("park.jpg", park)));

        var report = OmniContextImporter.Import(file, Path.Combine(_out, "suite"), name: "parquet");

        Assert.Equal(2, report.Cases);
        var loaded = SuiteLoader.Load(Path.Combine(_out, "suite"));
        Assert.Empty(loaded.Issues);
        var single = loaded.Suite.Get("sc_0001");
        Assert.Equal("图1中的女孩在阳光明媚的公园里挥手。", single.Instruction["zh"]);
        var scene = loaded.Suite.Get("so_0002");
        Assert.Equal("Put the cup 🍵 from image 1 on the table in image 2.", scene.Instruction["en"]);
        Assert.EndsWith(".jpg", scene.InputImages[1]);
        foreach (var (relative, bytes) in new[] { (single.InputImages[0], girl), (scene.InputImages[0], cup), (scene.InputImages[1], park) })
        {
            var written = File.ReadAllBytes(Path.Combine(_out, "suite", relative));
            Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(written));
        }
    }

    [Fact]
    public async Task Bytes_that_are_no_image_are_refused_naming_the_key_and_image()
    {
        var file = await Write(Row("so_0009", "single_object", "A cup.", "en", ("cup.png", "not an image"u8.ToArray())));

        var e = Assert.Throws<HarnessException>(() => OmniContextImporter.Import(file, Path.Combine(_out, "s")));

        Assert.Contains("key so_0009: input image cup.png", e.Message);
    }

    [Fact]
    public async Task A_missing_column_is_named_with_the_columns_present()
    {
        var path = Path.Combine(_out, "other.parquet");
        await using (var stream = File.Create(path))
            await ParquetSerializer.SerializeAsync(new[] { new KeysOnlyRow { Key = "k", TaskType = "single_object" } }, stream);

        var e = Assert.Throws<HarnessException>(() => OmniContextImporter.Import(path, Path.Combine(_out, "s")));

        Assert.Contains("no column 'instruction' (columns: key, task_type)", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_refused()
    {
        var path = Path.Combine(_out, "fake.parquet");
        File.WriteAllText(path, "not parquet at all");

        var e = Assert.Throws<HarnessException>(() => OmniContextImporter.Import(path, Path.Combine(_out, "s")));

        Assert.Contains("not a readable parquet file", e.Message);
    }

    private async Task<string> Write(params PublishedParquetRow[] rows)
    {
        var path = Path.Combine(_out, "test-00000-of-00001.parquet");
        await using var stream = File.Create(path);
        await ParquetSerializer.SerializeAsync(rows, stream);
        return path;
    }

    private static PublishedParquetRow Row(string key, string taskType, string instruction, string language, params (string? Path, byte[] Bytes)[] images) =>
        new() { Key = key, TaskType = taskType, Instruction = instruction, Language = language,
                InputImages = images.Select(i => new PublishedParquetImage { Bytes = i.Bytes, Path = i.Path }).ToList() };

    /// <summary>A row in the published schema (column names as the data set has them).</summary>
    public sealed class PublishedParquetRow
    {
        [JsonPropertyName("key")] public string Key { get; set; } = "";
        [JsonPropertyName("task_type")] public string TaskType { get; set; } = "";
        [JsonPropertyName("instruction")] public string Instruction { get; set; } = "";
        [JsonPropertyName("instruction_language")] public string Language { get; set; } = "";
        [JsonPropertyName("input_images")] public List<PublishedParquetImage> InputImages { get; set; } = [];
    }

    /// <summary>A row of another data set: two of the columns only.</summary>
    public sealed class KeysOnlyRow
    {
        [JsonPropertyName("key")] public string Key { get; set; } = "";
        [JsonPropertyName("task_type")] public string TaskType { get; set; } = "";
    }

    /// <summary>A Hugging Face image struct.</summary>
    public sealed class PublishedParquetImage
    {
        [JsonPropertyName("bytes")] public byte[] Bytes { get; set; } = [];
        [JsonPropertyName("path")] public string? Path { get; set; }
    }
}
