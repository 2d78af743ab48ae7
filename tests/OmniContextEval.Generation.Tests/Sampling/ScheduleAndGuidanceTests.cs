using OmniContextEval.Generation.Sampling;
using OmniContextEval.Generation.Velocity;

namespace OmniContextEval.Generation.Tests.Sampling;

public class ScheduleAndGuidanceTests
{
    [Fact]
    public void Schedule_is_i_over_n_shifted_then_one()
    {
        var times = FlowSchedule.Times(4, 3.0);
        var expected = new[] { 0.0, 0.25, 0.5, 0.75 }.Select(t => (float)(t / (3 - 3 * t + t))).Append(1f).ToArray();
        Assert.Equal(expected, times);
        Assert.Equal(new[] { 0f, 0.25f, 0.5f, 0.75f, 1f }, FlowSchedule.Times(4, 1.0));
    }

    [Fact]
    public void Time_shift_equals_sd3_sigma_shift_and_dynamic_uses_sqrt_tokens_over_40()
    {
        foreach (var t in new[] { 0.1, 0.4, 0.9 })
        {
            var sigma = 1 - t;
            Assert.Equal(1 - 3 * sigma / (1 + 2 * sigma), TimeShift.Apply(t, 3), 12);
        }
        Assert.Equal(3.2, TimeShift.DynamicShift.Factor(128 * 128), 12);
        Assert.Equal(2.5, TimeShift.Fixed(2.5).Factor(1));
        Assert.Throws<FormatException>(() => TimeShift.Parse("fast"));
    }

    [Fact]
    public void Scales_apply_inside_the_cfg_range_by_step_fraction_and_image_scale_needs_images()
    {
        var g = new GuidanceSettings(5, 2, 0.2, 0.6);
        Assert.Equal((1f, 1f), g.ScalesAt(1, 10, true));
        Assert.Equal((5f, 2f), g.ScalesAt(2, 10, true));
        Assert.Equal((5f, 2f), g.ScalesAt(6, 10, true));
        Assert.Equal((1f, 1f), g.ScalesAt(7, 10, true));
        Assert.Equal((5f, 1f), g.ScalesAt(4, 10, false));
        Assert.Equal([GuidanceBranch.Conditional], GuidanceSettings.BranchesFor(1, 1));
        Assert.Equal([GuidanceBranch.Conditional, GuidanceBranch.Reference], GuidanceSettings.BranchesFor(5, 1));
        Assert.Equal(3, GuidanceSettings.BranchesFor(5, 2).Length);
        Assert.Equal(3, GuidanceSettings.BranchesFor(1, 2).Length);
    }

    [Fact]
    public void Combiner_applies_the_dual_guidance_formula()
    {
        float[] branches = [3, -1, 2, 4, 0.5f, 7]; // cond, ref, uncond for two elements
        var result = new float[2];
        GuidanceCombiner.Combine(branches, 2, 5f, 2f, result);
        Assert.Equal(0.5f + 2 * (2 - 0.5f) + 5 * (3 - 2), result[0], 5);
        Assert.Equal(7 + 2 * (4 - 7) + 5 * (-1 - 4), result[1], 5);
        GuidanceCombiner.Combine(branches.AsSpan(0, 4), 2, 5f, 1f, result);
        Assert.Equal(2 + 5 * (3 - 2), result[0], 5);
    }

    [Fact]
    public void Guidance_branches_go_to_the_model_as_one_batch_per_evaluation()
    {
        var model = new CountingModel();
        new FlowSampler(new SamplerOptions { Steps = 10, Guidance = new GuidanceSettings(5, 2, 0, 0.5) }).Run(model, new float[4], 1);
        Assert.Equal(10, model.Calls.Count);
        Assert.Equal(Enumerable.Repeat(3, 6).Concat(Enumerable.Repeat(1, 4)), model.Calls);
        var heun = new CountingModel();
        new FlowSampler(new SamplerOptions { Steps = 10, Solver = SolverKind.Heun }).Run(heun, new float[4], 1);
        Assert.Equal(19, heun.Calls.Count);
    }

    private sealed class CountingModel : IVelocityModel
    {
        public List<int> Calls { get; } = [];
        public int StateLength => 4;
        public bool HasImageCondition => true;
        public void Evaluate(ReadOnlySpan<float> x, float t, ReadOnlySpan<GuidanceBranch> branches, Span<float> velocities)
        {
            Calls.Add(branches.Length);
            velocities.Fill(0.1f);
        }
    }
}
