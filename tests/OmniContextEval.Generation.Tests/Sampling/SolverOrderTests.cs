using OmniContextEval.Generation.Noise;
using OmniContextEval.Generation.Sampling;

namespace OmniContextEval.Generation.Tests.Sampling;

public class SolverOrderTests
{
    private static readonly SamplerOptions Plain = new()
    {
        Shift = TimeShift.None,
        Guidance = new GuidanceSettings(TextScale: 1, ImageScale: 1),
    };

    // The largest error at t = 1 against the closed-form flow x_1 = mu + s x0.
    private static double EndpointError(SolverKind solver, int steps, double shift)
    {
        var model = new GaussianTargetVelocity(256, mu: 0.7, s: 0.3);
        var noise = GaussianNoise.Create(256, 11, "order");
        var x = (float[])noise.Clone();
        new FlowSampler(Plain with { Solver = solver, Steps = steps, Shift = TimeShift.Fixed(shift) }).Run(model, x, 1);
        return x.Select((v, i) => Math.Abs(v - (model.Mu + model.S * noise[i]))).Max();
    }

    // Observed order from successive halvings of h: log2(err(N) / err(2N)), averaged.
    private static double ObservedOrder(SolverKind solver, double shift, params int[] steps)
    {
        var errors = steps.Select(n => EndpointError(solver, n, shift)).ToArray();
        var orders = Enumerable.Range(0, errors.Length - 1).Select(i => Math.Log2(errors[i] / errors[i + 1])).ToArray();
        Assert.All(errors.Zip(errors.Skip(1)), p => Assert.True(p.Second < p.First, $"error did not shrink: {string.Join(", ", errors)}"));
        return orders.Average();
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void Euler_error_shrinks_like_h(double shift)
    {
        Assert.InRange(ObservedOrder(SolverKind.Euler, shift, 16, 32, 64, 128), 0.85, 1.2);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void Heun_error_shrinks_like_h_squared(double shift)
    {
        Assert.InRange(ObservedOrder(SolverKind.Heun, shift, 16, 32, 64, 128), 1.8, 2.3);
    }
}
