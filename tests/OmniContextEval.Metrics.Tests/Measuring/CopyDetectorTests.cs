using OmniContextEval.Metrics.Measuring;

namespace OmniContextEval.Metrics.Tests.Measuring;

public class CopyDetectorTests
{
    [Fact]
    public void Flags_identical_content_and_near_duplicate_embeddings()
    {
        var flags = CopyDetector.Detect("h0", ["h0", "h1", "h2"], [1, 0, 0], [[0, 1, 0], [0, 1, 0], [0.99f, 0.05f, 0]]);
        Assert.Equal(["copy_detected:input0", "copy_detected:input2"], flags);
    }

    [Fact]
    public void Distinct_output_is_not_flagged()
    {
        Assert.Empty(CopyDetector.Detect("h9", ["h0"], [1, 0], [[0.8f, 0.6f]]));
    }
}
