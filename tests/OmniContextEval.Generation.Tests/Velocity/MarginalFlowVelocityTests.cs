using OmniContextEval.Generation.Noise;
using OmniContextEval.Generation.Sampling;
using OmniContextEval.Generation.Velocity;

namespace OmniContextEval.Generation.Tests.Velocity;

public class MarginalFlowVelocityTests
{
    private static readonly BranchTargets OneSet = new([0, 1, 2], [0, 1, 2], []);
    private static readonly SamplerOptions Unguided = new() { Shift = TimeShift.None, Guidance = new GuidanceSettings(1, 1) };

    private static float[][] Targets(int n, int count) =>
        Enumerable.Range(0, count).Select(i => GaussianNoise.Create(n, 100 + (ulong)i, "targets")).ToArray();

    private static double DistanceToNearest(float[] x, float[][] targets) =>
        targets.Min(y => Math.Sqrt(x.Zip(y, (a, b) => (double)(a - b) * (a - b)).Sum() / x.Length));

    [Fact]
    public void Sample_converges_to_a_target_as_steps_grow()
    {
        var targets = Targets(192, 3);
        var model = new MarginalFlowVelocity(targets, OneSet, false);
        var distances = new[] { 2, 4, 16, 64 }.Select(steps =>
        {
            var x = GaussianNoise.Create(192, 5, "conv");
            new FlowSampler(Unguided with { Steps = steps }).Run(model, x, 1);
            return DistanceToNearest(x, targets);
        }).ToArray();
        Assert.True(distances[0] > distances[^1], string.Join(", ", distances));
        Assert.True(distances[^1] < 1e-3, $"64 steps end {distances[^1]} from the nearest target");
    }

    [Fact]
    public void Velocity_points_from_x_to_the_posterior_mean_and_stays_finite_at_t_one()
    {
        var targets = Targets(48, 3);
        var model = new MarginalFlowVelocity(targets, OneSet, false);
        var x = (float[])targets[1].Clone();
        var v = new float[48];
        model.Evaluate(x, 1f, [GuidanceBranch.Conditional], v);
        Assert.All(v, value => Assert.True(float.IsFinite(value)));
        Assert.All(v, value => Assert.InRange(value, -1e-2f, 1e-2f)); // x is the target itself: nothing left to move
        model.Evaluate(new float[48], 0f, [GuidanceBranch.Conditional], v);
        var mean = Enumerable.Range(0, 48).Select(e => targets.Average(y => y[e])).ToArray();
        for (var e = 0; e < 48; e++) Assert.Equal(mean[e], v[e], 5); // at t = 0 all weights are equal
    }

    [Theory]
    [InlineData(SolverKind.Euler)]
    [InlineData(SolverKind.Heun)]
    public void Basis_coordinates_give_the_same_trajectory_as_pixels(SolverKind solver)
    {
        var targets = Targets(300, 5);
        var branches = new BranchTargets([0, 1, 2], [2, 3], [4]);
        var noise = GaussianNoise.Create(300, 9, "basis");
        var options = new SamplerOptions { Steps = 12, Solver = solver, Guidance = new GuidanceSettings(3.0, 1.5, 0.0, 0.7) };

        var pixels = (float[])noise.Clone();
        new FlowSampler(options).Run(new MarginalFlowVelocity(targets, branches, true), pixels, 256);

        var gram = new double[5, 5];
        for (var i = 0; i < 5; i++) for (var j = 0; j < 5; j++) gram[i, j] = PortableDot.Dot(targets[i], targets[j]);
        var basis = new BasisMarginalVelocity(gram, targets.Select(y => PortableDot.Dot(noise, y)).ToArray(), branches, true);
        var state = basis.InitialState();
        new FlowSampler(options).Run(basis, state, 256);
        var reconstructed = new float[300];
        BasisMarginalVelocity.Reconstruct(state, noise, targets, reconstructed);

        for (var e = 0; e < 300; e++) Assert.InRange(Math.Abs(pixels[e] - reconstructed[e]), 0, 1e-4);
    }
}
