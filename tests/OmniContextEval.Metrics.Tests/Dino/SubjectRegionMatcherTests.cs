using OmniContextEval.Core.Cases;
using OmniContextEval.Metrics.Dino;

namespace OmniContextEval.Metrics.Tests.Dino;

public class SubjectRegionMatcherTests
{
    private const int Grid = 16, Dim = 8;

    private static float[] RandomTokens(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Grid * Grid * Dim).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }

    [Fact]
    public void Subject_moved_to_another_place_still_matches_exactly()
    {
        var input = RandomTokens(1);
        var output = RandomTokens(2);
        var box = new CellBox(Left: 2, Top: 3, Width: 4, Height: 5);
        for (var r = 0; r < box.Height; r++)
            for (var c = 0; c < box.Width; c++)
                Array.Copy(input, ((box.Top + r) * Grid + box.Left + c) * Dim, output, ((9 + r) * Grid + 10 + c) * Dim, Dim);
        Assert.Equal(1.0, SubjectRegionMatcher.Match(input, box, output, Grid), 9);
    }

    [Fact]
    public void Unrelated_output_scores_lower_than_the_subject_itself()
    {
        var input = RandomTokens(1);
        var box = new CellBox(0, 0, 3, 3);
        var unrelated = SubjectRegionMatcher.Match(input, box, RandomTokens(5), Grid);
        Assert.True(unrelated < 0.9, $"unrelated match {unrelated}");
        Assert.Equal(1.0, SubjectRegionMatcher.Match(input, box, input, Grid), 9);
    }

    [Fact]
    public void Patch_grid_follows_resize_short_side_and_center_crop()
    {
        var grid = PatchGrid.DinoV2;
        // 512x256 -> 512x256 resized to 512x256? short side 256: scale 1, crop left (512-224)/2 = 144.
        Assert.Equal(new CellBox(0, 0, 2, 2), grid.Map(new PixelBox(144, 16, 28, 28), 512, 256));
        Assert.Equal(new CellBox(0, 0, 16, 16), grid.Map(null, 300, 300));
        Assert.Equal(new CellBox(0, 0, 16, 16), grid.Map(new PixelBox(0, 0, 50, 50), 512, 256)); // outside the crop
    }
}
