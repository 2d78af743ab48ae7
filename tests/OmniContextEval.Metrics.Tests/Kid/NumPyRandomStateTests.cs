using OmniContextEval.Metrics.Kid;
using OmniContextEval.Metrics.Tests.TestSupport;

namespace OmniContextEval.Metrics.Tests.Kid;

/// <summary>NumPy's legacy RandomState as torch-fidelity's KID uses it; expected values from NumPy (tools/fid-kid-references.py).</summary>
public class NumPyRandomStateTests
{
    private static readonly System.Text.Json.JsonElement Expected = MetricFixtures.Expected("long-tail.json").GetProperty("numpyRandomState");

    [Fact]
    public void Raw_outputs_equal_MT19937_with_legacy_seeding()
    {
        var state = new NumPyRandomState(2020);

        var raw = Enumerable.Range(0, 5).Select(_ => (ulong)state.NextUInt32()).ToArray();

        Assert.Equal(Expected.GetProperty("mt19937Seed2020Raw").EnumerateArray().Select(v => v.GetUInt64()), raw);
    }

    [Fact]
    public void Consecutive_choices_without_replacement_equal_numpys()
    {
        foreach (var c in Expected.GetProperty("choices").EnumerateArray())
        {
            var state = new NumPyRandomState(c.GetProperty("seed").GetUInt32());
            int n = c.GetProperty("population").GetInt32(), m = c.GetProperty("count").GetInt32();

            var first = state.Choice(n, m);
            var second = state.Choice(n, m);

            Assert.Equal(c.GetProperty("first").EnumerateArray().Select(v => v.GetInt32()), first.Take(20));
            Assert.Equal(c.GetProperty("second").EnumerateArray().Select(v => v.GetInt32()), second.Take(20));
            Assert.Equal(c.GetProperty("firstSum").GetInt64(), first.Sum(v => (long)v));
            Assert.Equal(c.GetProperty("secondSum").GetInt64(), second.Sum(v => (long)v));
        }
    }

    [Fact]
    public void A_choice_of_everything_is_a_permutation()
    {
        Assert.Equal(Enumerable.Range(0, 257), new NumPyRandomState(9).Choice(257, 257).Order());
    }
}
