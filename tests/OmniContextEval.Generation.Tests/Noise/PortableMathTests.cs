using OmniContextEval.Generation.Noise;

namespace OmniContextEval.Generation.Tests.Noise;

public class PortableMathTests
{
    [Fact]
    public void Log_agrees_with_the_platform_to_a_few_ulps_over_the_unit_interval()
    {
        for (var i = 1; i < 20000; i++)
        {
            var u = (i * 214013.0 % 4294967296.0 + 0.5) / 4294967296.0;
            var expected = Math.Log(u);
            Assert.True(Math.Abs(PortableMath.Log(u) - expected) <= 4e-16 * Math.Abs(expected),
                $"log({u:R}) = {PortableMath.Log(u):R}, platform {expected:R}");
        }
        Assert.Equal(0.0, PortableMath.Log(1.0));
        Assert.Equal(Math.Log(2.5e-10), PortableMath.Log(2.5e-10), 14);
    }

    [Fact]
    public void SinCos_agrees_with_the_platform_in_every_quadrant()
    {
        for (var i = 0; i < 20000; i++)
        {
            var turns = i / 20000.0;
            var (sin, cos) = PortableMath.SinCosTurns(turns);
            Assert.InRange(Math.Abs(Math.Sin(2 * Math.PI * turns) - sin), 0, 1e-15);
            Assert.InRange(Math.Abs(Math.Cos(2 * Math.PI * turns) - cos), 0, 1e-15);
        }
    }

    [Fact]
    public void Out_of_domain_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PortableMath.Log(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PortableMath.SinCosTurns(1.0));
    }
}
