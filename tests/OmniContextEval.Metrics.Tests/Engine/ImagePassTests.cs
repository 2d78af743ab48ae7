using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Codecs;
using OmniContextEval.Metrics.Engine;
using OmniContextEval.Metrics.Lpips;
using OmniContextEval.Metrics.Tests.Support;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Tests.Engine;

public sealed class ImagePassTests : IDisposable
{
    private readonly ModelSessionPool pool = new(ModelRegistry.Open(TestImages.TinyModels), new SessionSettings(IntraOpThreads: 2));
    private readonly NearestPreprocessor preprocessor = new("test-nearest");

    private static List<ImageInput> Files(int n)
    {
        var folder = TestPaths.NewTempDir();
        return Enumerable.Range(0, n).Select(i =>
        {
            var path = Path.Combine(folder, $"img{i}.png");
            PngEncoder.Write(path, TestImages.Noise(i));
            return ImageInput.FromFile(path);
        }).ToList();
    }

    private async Task<(FeatureResult[] Clip, FeatureResult[] Dino)> TwoNetworks(IReadOnlyList<ImageInput> images, EngineOptions options, FeatureCache? cache = null)
    {
        var clip = new FeatureResult[images.Count];
        var dino = new FeatureResult[images.Count];
        var jobs = new[]
        {
            new ImageFeatureExtractor(pool.Get("clip-vit-b32-image"), preprocessor, cache).Job((i, r) => clip[i] = r),
            new ImageFeatureExtractor(pool.Get("dinov2-vits14"), preprocessor, cache).Job((i, r) => dino[i] = r, new HashSet<int> { 0, 2, 3 }),
        };
        await new ImagePass(options).RunAsync(images, jobs, []);
        return (clip, dino);
    }

    [Fact]
    public async Task Networks_sharing_a_pass_give_what_each_gives_alone()
    {
        var images = Files(5);
        var (clip, dino) = await TwoNetworks(images, new EngineOptions(BatchSize: 2));
        var alone = await new ImageFeatureExtractor(pool.Get("clip-vit-b32-image"), preprocessor, options: new EngineOptions(BatchSize: 2)).ExtractAsync(images);
        Assert.Equal(alone.Select(r => r.Output()), clip.Select(r => r.Output()));
        Assert.Equal([true, false, true, true, false], dino.Select(r => r is not null));
    }

    [Fact]
    public async Task Taking_turns_and_overlapping_give_identical_results()
    {
        var images = Files(6);
        var turns = await TwoNetworks(images, new EngineOptions(BatchSize: 4, PreprocessWorkers: 2));
        var overlap = await TwoNetworks(images, new EngineOptions(BatchSize: 4, PreprocessWorkers: 3, OverlapInference: true));
        Assert.Equal(turns.Clip.Select(r => r.Output()), overlap.Clip.Select(r => r.Output()));
        Assert.Equal(turns.Dino.Where(r => r is not null).Select(r => r.Output(1)), overlap.Dino.Where(r => r is not null).Select(r => r.Output(1)));
    }

    [Fact]
    public async Task When_every_cache_answers_no_image_is_decoded()
    {
        var images = Files(3);
        using var cache = FeatureCache.Open(Path.Combine(TestPaths.NewTempDir(), "features.db"));
        var first = await TwoNetworks(images, EngineOptions.Default, cache);
        var names = images.Select(i => i.Name).ToList();
        var rehashed = names.Select(ImageInput.FromFile).ToList();
        _ = rehashed.Select(i => i.ContentHash).ToList();
        foreach (var name in names)
            File.WriteAllBytes(name, [1, 2, 3]); // undecodable now: only the already-read hash still matches
        var second = await TwoNetworks(rehashed, EngineOptions.Default, cache);
        Assert.All(second.Clip, r => Assert.True(r.FromCache));
        Assert.Equal(first.Clip.Select(r => r.Output()), second.Clip.Select(r => r.Output()));
    }

    [Fact]
    public async Task Pixel_jobs_get_each_decoded_image_and_failures_name_the_file()
    {
        var images = Files(3);
        File.WriteAllBytes(images[1].Name, [0x89, (byte)'P', (byte)'N', (byte)'G']);
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<int, string>();
        var pixels = new PixelJob(new HashSet<int> { 0, 1 }, (i, image, error) => seen[i] = image is null ? error! : $"{image.Width}x{image.Height}");
        await new ImagePass().RunAsync(images, [], [pixels]);
        Assert.Equal("64x48", seen[0]);
        Assert.Contains("img1.png", seen[1]);
        Assert.False(seen.ContainsKey(2));
    }

    [Fact]
    public async Task Images_of_other_sizes_run_in_their_own_batches_with_their_own_shapes()
    {
        var images = new[] { (32, 32), (32, 32), (48, 40), (32, 32) }
            .Select((s, i) => ImageInput.FromImage($"img{i}", TestImages.Noise(i, s.Item1, s.Item2))).ToList();
        var taps = new FeatureResult[images.Count];
        var job = new NetworkJob(pool.Get("lpips-alex"), LpipsScorer.Input, null, (i, r) => taps[i] = r);
        await new ImagePass(new EngineOptions(BatchSize: 4)).RunAsync(images, [job], []);
        Assert.All(taps, t => Assert.True(t.Ok, t.Error));
        Assert.Equal(taps[0].ItemShapes![0], taps[1].ItemShapes![0]);
        Assert.NotEqual(taps[0].ItemShapes![0], taps[2].ItemShapes![0]);
        var alone = new FeatureResult[1];
        await new ImagePass().RunAsync([images[2]], [new NetworkJob(pool.Get("lpips-alex"), LpipsScorer.Input, null, (i, r) => alone[i] = r)], []);
        for (var o = 0; o < alone[0].Outputs!.Length; o++)
            for (var k = 0; k < alone[0].Output(o).Length; k++)
                Assert.InRange(Math.Abs(alone[0].Output(o)[k] - taps[2].Output(o)[k]), 0, 1e-5f * Math.Max(1, Math.Abs(alone[0].Output(o)[k])));
    }

    [Fact]
    public async Task Resize_to_brings_an_image_to_the_given_size_first()
    {
        var images = new[] { ImageInput.FromImage("big", TestImages.Noise(1, 64, 64)) };
        var taps = new FeatureResult[1];
        var job = new NetworkJob(pool.Get("lpips-alex"), LpipsScorer.Input, null, (i, r) => taps[i] = r) { ResizeTo = _ => (32, 32) };
        await new ImagePass().RunAsync(images, [job], []);
        var direct = new FeatureResult[1];
        var resized = OmniContextEval.Imaging.Resize.PilResize.Resize(TestImages.Noise(1, 64, 64), 32, 32, OmniContextEval.Imaging.Resize.PilFilter.Bicubic);
        await new ImagePass().RunAsync([ImageInput.FromImage("small", resized)], [new NetworkJob(pool.Get("lpips-alex"), LpipsScorer.Input, null, (i, r) => direct[i] = r)], []);
        Assert.Equal(direct[0].Output(0), taps[0].Output(0));
    }

    public void Dispose() => pool.Dispose();
}
