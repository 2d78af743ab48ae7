using System.Numerics.Tensors;
using OmniContextEval.Generation.Velocity;

namespace OmniContextEval.Generation.Sampling;

/// <summary>
/// Integrates dx/dt = v(x, t) from t = 0 (noise) to t = 1 (data) on the OmniGen2 schedule, with dual guidance.
/// Euler: x += (t_{i+1} - t_i) v(x, t_i). Heun: predictor as Euler, corrector with the mean of v at both ends;
/// on the last step (t_{i+1} = 1, where a marginal field is singular) Heun takes the Euler step, as Karras et al.'s
/// EDM sampler does at its final time. All arithmetic is element-wise in a fixed order, so a run is bit-identical
/// to the next one on the same machine.
/// </summary>
public sealed class FlowSampler(SamplerOptions options)
{
    public SamplerOptions Options { get; } = options;

    /// <summary>Number of velocity-model calls one run makes (each may batch several guidance branches).</summary>
    public int ModelCalls => Options.Solver == SolverKind.Euler ? Options.Steps : 2 * Options.Steps - 1;

    /// <summary>
    /// Runs the sampler in place: <paramref name="x"/> holds the noise x_0 on entry and the sample x_1 on return.
    /// <paramref name="latentTokens"/> (latent height x width) sets the dynamic time shift.
    /// </summary>
    public void Run(IVelocityModel model, Span<float> x, long latentTokens, CancellationToken cancellation = default)
    {
        if (x.Length != model.StateLength)
            throw new ArgumentException($"state has {x.Length} floats, the model expects {model.StateLength}", nameof(x));
        var steps = Options.Steps;
        var times = FlowSchedule.Times(steps, Options.Shift.Factor(latentTokens));
        var n = x.Length;
        var branchBuffer = new float[3 * n];
        var velocity = new float[n];
        var heun = Options.Solver == SolverKind.Heun;
        var predicted = heun ? new float[n] : [];
        var velocityAtEnd = heun ? new float[n] : [];
        for (var i = 0; i < steps; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var (text, image) = Options.Guidance.ScalesAt(i, steps, model.HasImageCondition);
            var dt = times[i + 1] - times[i];
            GuidedVelocity(model, x, times[i], text, image, branchBuffer, velocity);
            if (!heun || i == steps - 1)
            {
                TensorPrimitives.MultiplyAdd(velocity, dt, x, x);
                continue;
            }
            TensorPrimitives.MultiplyAdd(velocity, dt, x, predicted);
            GuidedVelocity(model, predicted, times[i + 1], text, image, branchBuffer, velocityAtEnd);
            TensorPrimitives.Add(velocity, velocityAtEnd, velocity);
            TensorPrimitives.MultiplyAdd(velocity, 0.5f * dt, x, x);
        }
    }

    private static void GuidedVelocity(IVelocityModel model, ReadOnlySpan<float> x, float t, float text, float image,
        float[] branchBuffer, Span<float> result)
    {
        var branches = GuidanceSettings.BranchesFor(text, image);
        var n = x.Length;
        var buffer = branchBuffer.AsSpan(0, branches.Length * n);
        model.Evaluate(x, t, branches, buffer);
        GuidanceCombiner.Combine(buffer, n, text, image, result);
    }
}
