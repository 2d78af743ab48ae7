using OmniContextEval.Metrics.Similarity;

namespace OmniContextEval.Metrics.Dino;

/// <summary>
/// Region-level subject matching on DINOv2 patch tokens. The subject is the mean of the unit-normalised patch
/// tokens inside its box in its input image; the output is searched with windows of the box's size scaled by
/// <see cref="Scales"/> at every position; the score is the best window's cosine to the subject, -1..1, higher is
/// better. Unlike the global CLS cosine, a second subject or a copied background cannot raise it.
/// </summary>
public static class SubjectRegionMatcher
{
    /// <summary>Window sizes tried, relative to the subject's box (the subject may be drawn smaller or larger).</summary>
    public static readonly IReadOnlyList<double> Scales = [0.5, 0.75, 1.0, 1.5, 2.0];

    /// <param name="inputPatches">The input image's patch tokens, row-major grid x grid x dim.</param>
    /// <param name="box">The subject's cells in the input grid.</param>
    /// <param name="outputPatches">The output image's patch tokens, same layout.</param>
    public static double Match(ReadOnlySpan<float> inputPatches, CellBox box, ReadOnlySpan<float> outputPatches, int grid)
    {
        var dim = inputPatches.Length / (grid * grid);
        if (outputPatches.Length != inputPatches.Length || dim * grid * grid != inputPatches.Length)
            throw new ArgumentException($"patch tokens must be {grid}x{grid}xD for both images");
        var subject = new double[dim];
        for (var r = box.Top; r < box.Top + box.Height; r++)
            for (var c = box.Left; c < box.Left + box.Width; c++)
                AddNormalized(inputPatches.Slice((r * grid + c) * dim, dim), subject);
        var sums = PrefixSums(outputPatches, grid, dim);
        var best = double.NegativeInfinity;
        foreach (var scale in Scales)
        {
            var h = Math.Clamp((int)Math.Round(box.Height * scale), 1, grid);
            var w = Math.Clamp((int)Math.Round(box.Width * scale), 1, grid);
            var window = new double[dim];
            for (var top = 0; top + h <= grid; top++)
                for (var left = 0; left + w <= grid; left++)
                {
                    WindowSum(sums, grid, dim, top, left, h, w, window);
                    best = Math.Max(best, Cosine(subject, window));
                }
        }
        return best;
    }

    private static void AddNormalized(ReadOnlySpan<float> token, double[] into)
    {
        var unit = Vectors.Normalized(token);
        for (var i = 0; i < into.Length; i++)
            into[i] += unit[i];
    }

    /// <summary>Summed-area table of unit-normalised tokens: (grid+1) x (grid+1) x dim.</summary>
    private static double[] PrefixSums(ReadOnlySpan<float> patches, int grid, int dim)
    {
        var n = grid + 1;
        var sums = new double[n * n * dim];
        for (var r = 0; r < grid; r++)
            for (var c = 0; c < grid; c++)
            {
                var unit = Vectors.Normalized(patches.Slice((r * grid + c) * dim, dim));
                int at = ((r + 1) * n + c + 1) * dim, up = (r * n + c + 1) * dim, leftOf = ((r + 1) * n + c) * dim, diag = (r * n + c) * dim;
                for (var i = 0; i < dim; i++)
                    sums[at + i] = unit[i] + sums[up + i] + sums[leftOf + i] - sums[diag + i];
            }
        return sums;
    }

    private static void WindowSum(double[] sums, int grid, int dim, int top, int left, int h, int w, double[] into)
    {
        var n = grid + 1;
        int br = ((top + h) * n + left + w) * dim, tr = (top * n + left + w) * dim, bl = ((top + h) * n + left) * dim, tl = (top * n + left) * dim;
        for (var i = 0; i < dim; i++)
            into[i] = sums[br + i] - sums[tr + i] - sums[bl + i] + sums[tl + i];
    }

    private static double Cosine(double[] a, double[] b)
    {
        double dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? 0 : dot / Math.Sqrt(aa * bb);
    }
}
