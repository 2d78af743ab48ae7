using OmniContextEval.Generation.Noise;

namespace OmniContextEval.Generation.Networks;

/// <summary>
/// A weight-free text vector for networks that take one (the tiny test DiT): each lower-cased word (runs of letters
/// and digits) maps to a standard normal vector from the noise stream "word:{word}" with seed 0; the text's vector is
/// their sum divided by sqrt(word count). The empty text (the negative prompt) maps to zeros. Real models need their
/// own text encoder; this only gives every instruction a stable, distinct conditioning.
/// </summary>
public static class HashedTextEmbedding
{
    public static float[] Embed(string text, int length)
    {
        var words = Words(text);
        var sum = new double[length];
        foreach (var word in words)
        {
            var v = GaussianNoise.Create(length, 0, "word:" + word);
            for (var i = 0; i < length; i++) sum[i] += v[i];
        }
        var scale = words.Count > 0 ? 1.0 / Math.Sqrt(words.Count) : 0;
        return sum.Select(s => (float)(s * scale)).ToArray();
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var ch in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch)) { current.Append(ch); continue; }
            if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }
}
