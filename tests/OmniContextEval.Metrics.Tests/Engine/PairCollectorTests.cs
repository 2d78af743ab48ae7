using OmniContextEval.Metrics.Engine;

namespace OmniContextEval.Metrics.Tests.Engine;

public class PairCollectorTests
{
    [Fact]
    public void Each_pair_completes_once_with_its_items_in_order_whatever_the_arrival_order()
    {
        var pairs = new List<(int, int)> { (1, 0), (2, 0), (3, 0), (4, 5) };
        var seen = new System.Collections.Concurrent.ConcurrentBag<(int Pair, string? First, string? Second)>();
        var collector = new PairCollector<string>(pairs, (p, a, b) => seen.Add((p, a, b)));
        Parallel.ForEach(new[] { 5, 3, 0, 1, 4, 2, 9 }, image => collector.Add(image, image == 4 ? null : $"item{image}"));
        Assert.Equal(
            [(0, "item1", "item0"), (1, "item2", "item0"), (2, "item3", "item0"), (3, (string?)null, "item5")],
            seen.OrderBy(s => s.Pair).ToList());
    }
}
