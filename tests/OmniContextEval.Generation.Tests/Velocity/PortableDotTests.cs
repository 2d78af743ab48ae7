using OmniContextEval.Generation.Noise;
using OmniContextEval.Generation.Velocity;

namespace OmniContextEval.Generation.Tests.Velocity;

public class PortableDotTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(1003)]
    public void Equals_the_eight_lane_scalar_definition_bit_for_bit(int n)
    {
        var a = GaussianNoise.Create(n, 1, "a");
        var b = GaussianNoise.Create(n, 2, "b");
        var lanes = new double[8];
        for (var i = 0; i < n; i++) lanes[i % 8] += (double)a[i] * b[i];
        var expected = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        Assert.Equal(expected, PortableDot.Dot(a, b));
    }
}
