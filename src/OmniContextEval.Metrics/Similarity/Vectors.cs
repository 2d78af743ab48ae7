namespace OmniContextEval.Metrics.Similarity;

/// <summary>Vector arithmetic for embeddings; sums are accumulated in float64.</summary>
public static class Vectors
{
    /// <summary>Cosine similarity of two equal-length vectors, -1..1 (higher is more similar); 0 when either is zero.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"vector lengths differ: {a.Length} and {b.Length}");
        double dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            aa += (double)a[i] * a[i];
            bb += (double)b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? 0 : dot / (Math.Sqrt(aa) * Math.Sqrt(bb));
    }

    /// <summary>The vector divided by its L2 norm (a zero vector stays zero).</summary>
    public static float[] Normalized(ReadOnlySpan<float> v)
    {
        double sum = 0;
        foreach (var x in v) sum += (double)x * x;
        var norm = Math.Sqrt(sum);
        var result = new float[v.Length];
        if (norm > 0)
            for (var i = 0; i < v.Length; i++)
                result[i] = (float)(v[i] / norm);
        return result;
    }

    /// <summary>True when every value is finite (no NaN, no infinity).</summary>
    public static bool AllFinite(ReadOnlySpan<float> v)
    {
        var width = System.Numerics.Vector<float>.Count;
        var i = 0;
        for (; i + width <= v.Length; i += width)
        {
            var x = new System.Numerics.Vector<float>(v[i..]);
            if (!System.Numerics.Vector.EqualsAll(x - x, System.Numerics.Vector<float>.Zero)) // x - x is NaN for NaN and infinity
                return false;
        }
        for (; i < v.Length; i++)
            if (!float.IsFinite(v[i])) return false;
        return true;
    }
}
