using OmniContextEval.Metrics.Engine;

namespace OmniContextEval.Metrics.Tests.Engine;

public class FeatureCacheTests
{
    private static readonly FeatureKey Key = new("abc123", "clip", "content1");

    [Fact]
    public void Stores_and_returns_every_output_exactly()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "cache.db");
        float[][] outputs = [[1.5f, -2.25f, float.Epsilon], [3, 4, 5, 6]];
        using (var cache = FeatureCache.Open(path))
            cache.PutMany([(Key, outputs)]);
        using var reopened = FeatureCache.Open(path);
        Assert.True(reopened.TryGet(Key, out var read));
        Assert.Equal(outputs, read);
        Assert.False(reopened.TryGet(Key with { Mode = "dinov2" }, out _));
        Assert.False(reopened.TryGet(Key with { ModelSha256 = "other" }, out _));
    }

    [Fact]
    public void Corrupt_file_is_detected_and_rebuilt()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "cache.db");
        File.WriteAllBytes(path, System.Text.Encoding.ASCII.GetBytes(new string('x', 8192)));
        var warnings = new List<string>();
        using var cache = FeatureCache.Open(path, warnings.Add);
        Assert.Contains(warnings, w => w.Contains(path) && w.Contains("rebuilding"));
        Assert.Equal(0, cache.Count);
        cache.PutMany([(Key, [[1f]])]);
        Assert.True(cache.TryGet(Key, out _));
    }

    [Fact]
    public void Truncated_database_is_detected_and_rebuilt()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "cache.db");
        using (var cache = FeatureCache.Open(path))
            cache.PutMany(Enumerable.Range(0, 200).Select(i => (Key with { ContentHash = $"c{i}" }, new[] { new float[256] })));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "-wal", "-shm" })
            File.Delete(path + suffix);
        var bytes = File.ReadAllBytes(path);
        for (var i = 4096 + 100; i < bytes.Length; i += 97) bytes[i] ^= 0x5A;
        File.WriteAllBytes(path, bytes);
        var warnings = new List<string>();
        using var rebuilt = FeatureCache.Open(path, warnings.Add);
        Assert.Single(warnings);
        Assert.Equal(0, rebuilt.Count);
    }
}
