using OmniContextEval.Imaging;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Tests.Support;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Tests.Engine;

public sealed class ImageFeatureExtractorTests : IDisposable
{
    private readonly ModelSessionPool pool = new(ModelRegistry.Open(TestImages.TinyModels), new SessionSettings(IntraOpThreads: 2));
    private readonly NearestPreprocessor preprocessor = new("test-nearest");

    private static List<ImageInput> Images(int n) =>
        Enumerable.Range(0, n).Select(i => ImageInput.FromImage($"img{i}", TestImages.Noise(i))).ToList();

    [Fact]
    public async Task Features_equal_a_direct_network_run_on_the_same_tensor()
    {
        var session = pool.Get("dinov2-vits14");
        var image = TestImages.Noise(3);
        var tensor = new float[3 * 224 * 224];
        preprocessor.Write(image, tensor);
        var direct = session.Run(tensor, 1);
        var result = Assert.Single(await new ImageFeatureExtractor(session, preprocessor).ExtractAsync([ImageInput.FromImage("x", image)]));
        Assert.Equal(direct[0], result.Output(0));
        Assert.Equal(direct[1], result.Output(1));
    }

    [Fact]
    public async Task Results_do_not_depend_on_batch_size_or_workers()
    {
        var session = pool.Get("clip-vit-b32-image");
        var one = await new ImageFeatureExtractor(session, preprocessor, options: new EngineOptions(BatchSize: 1)).ExtractAsync(Images(7));
        var four = await new ImageFeatureExtractor(session, preprocessor, options: new EngineOptions(BatchSize: 4, PreprocessWorkers: 3)).ExtractAsync(Images(7));
        for (var i = 0; i < 7; i++)
            for (var k = 0; k < one[i].Output().Length; k++)
                Assert.True(one[i].Output()[k] == four[i].Output()[k], $"image {i} value {k}: {one[i].Output()[k]} vs {four[i].Output()[k]}");
    }

    [Fact]
    public async Task Repeated_runs_are_bit_identical()
    {
        var extractor = new ImageFeatureExtractor(pool.Get("clip-vit-b32-image"), preprocessor, options: new EngineOptions(BatchSize: 3));
        var first = await extractor.ExtractAsync(Images(5));
        var second = await extractor.ExtractAsync(Images(5));
        Assert.Equal(first.Select(r => r.Output()), second.Select(r => r.Output()));
    }

    [Fact]
    public async Task Second_run_is_answered_from_the_cache_without_the_network()
    {
        var folder = TestPaths.NewTempDir();
        using var cache = FeatureCache.Open(Path.Combine(folder, "features.db"));
        var extractor = new ImageFeatureExtractor(pool.Get("dinov2-vits14"), preprocessor, cache, new EngineOptions(BatchSize: 2));
        var first = await extractor.ExtractAsync(Images(3));
        Assert.All(first, r => Assert.False(r.FromCache));
        Assert.Equal(3, cache.Count);
        var throwing = new ImageFeatureExtractor(pool.Get("dinov2-vits14"), new ThrowingPreprocessor(preprocessor.Name), cache);
        var second = await throwing.ExtractAsync(Images(3));
        Assert.All(second, r => Assert.True(r.FromCache));
        for (var i = 0; i < 3; i++)
            Assert.Equal(first[i].Output(1), second[i].Output(1));
    }

    [Fact]
    public async Task Na_n_outputs_and_unreadable_files_are_recorded_failures_for_those_images_only()
    {
        var images = Images(2).Append(ImageInput.FromImage("nan-image", new RgbImage(7, 7))).Append(ImageInput.FromFile("/nonexistent/out.png")).ToList();
        var results = await new ImageFeatureExtractor(pool.Get("clip-vit-b32-image"), preprocessor).ExtractAsync(images);
        Assert.True(results[0].Ok && results[1].Ok);
        Assert.Contains("NaN or infinite", results[2].Error);
        Assert.Equal("nan-image", results[2].Name);
        Assert.Contains("cannot read", results[3].Error);
        Assert.Equal("/nonexistent/out.png", results[3].Name);
    }

    [Fact]
    public async Task Undecodable_file_is_a_recorded_failure_naming_it()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "broken.png");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var result = Assert.Single(await new ImageFeatureExtractor(pool.Get("clip-vit-b32-image"), preprocessor).ExtractAsync([ImageInput.FromFile(path)]));
        Assert.False(result.Ok);
        Assert.Contains("broken.png", result.Error);
    }

    public void Dispose() => pool.Dispose();

    private sealed class ThrowingPreprocessor(string mode) : Imaging.Preprocessing.Preprocessor
    {
        public override string Name => mode;
        public override (int Height, int Width) OutputSize(int width, int height) => (224, 224);
        public override void Write(RgbImage image, Span<float> destination) => throw new InvalidOperationException("the cache should have answered");
    }
}
