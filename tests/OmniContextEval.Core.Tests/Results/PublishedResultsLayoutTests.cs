using OmniContextEval.Core.Cases;
using OmniContextEval.Core.Results;

namespace OmniContextEval.Core.Tests.Results;

public sealed class PublishedResultsLayoutTests : IDisposable
{
    private readonly string _root = TestPaths.NewTempDir("omnictx-results");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Image_path_follows_the_published_layout()
    {
        var method = PublishedResultsLayout.MethodFolder(_root, "omnigen2");
        Assert.Equal(Path.Combine(_root, "omnigen2", "fullset", "scene_character_object", "k-7.png"),
            PublishedResultsLayout.ImagePath(method, Subtask.SceneCharacterObject, "k-7"));
    }

    [Fact]
    public void Each_seed_folder_is_a_published_method_folder()
    {
        var seed = PublishedResultsLayout.SeedFolder(_root, "m", 2);
        Assert.Equal(Path.Combine(_root, "m", "seed-2"), seed);
        Assert.Equal(Path.Combine(_root, "m", "seed-2", "fullset", "single_object", "a.png"),
            PublishedResultsLayout.ImagePath(seed, Subtask.SingleObject, "a"));
    }

    [Fact]
    public void Enumerate_reads_back_what_was_written()
    {
        var method = PublishedResultsLayout.MethodFolder(_root, "m");
        string[] keys = ["b", "a"];
        foreach (var key in keys)
        {
            var path = PublishedResultsLayout.ImagePath(method, Subtask.MultiObject, key);
            AtomicFile.WriteAllBytes(path, [1, 2, 3]);
        }
        Directory.CreateDirectory(Path.Combine(method, "fullset", "not_a_task"));
        File.WriteAllBytes(Path.Combine(method, "fullset", "not_a_task", "x.png"), [0]);
        var found = PublishedResultsLayout.Enumerate(method).ToList();
        Assert.Equal(["a", "b"], found.Select(f => f.Key));
        Assert.All(found, f => Assert.Equal(Subtask.MultiObject, f.Subtask));
    }

    [Fact]
    public void Seeds_are_listed_in_order()
    {
        foreach (var s in new[] { 10, 0, 2 }) Directory.CreateDirectory(PublishedResultsLayout.SeedFolder(_root, "m", s));
        Directory.CreateDirectory(Path.Combine(_root, "m", "seed-x"));
        Assert.Equal([0, 2, 10], PublishedResultsLayout.Seeds(_root, "m"));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("")]
    public void Unsafe_keys_are_refused(string key)
    {
        var e = Assert.Throws<HarnessException>(() => PublishedResultsLayout.ImagePath(_root, Subtask.SingleObject, key));
        Assert.Contains("case key", e.Message);
    }
}
