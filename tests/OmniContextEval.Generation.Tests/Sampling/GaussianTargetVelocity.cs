using OmniContextEval.Generation.Velocity;

namespace OmniContextEval.Generation.Tests.Sampling;

/// <summary>
/// The exact marginal velocity for data y ~ N(mu, s^2) per element and noise x0 ~ N(0, 1):
/// v(x, t) = mu + (t s^2 - (1 - t)) (x - t mu) / V(t), V(t) = t^2 s^2 + (1 - t)^2. Its flow is closed-form:
/// x_t = t mu + sqrt(V(t)) x0, so x_1 = mu + s x0.
/// </summary>
internal sealed class GaussianTargetVelocity(int length, double mu, double s) : IVelocityModel
{
    public int StateLength => length;
    public bool HasImageCondition => false;
    public double Mu => mu;
    public double S => s;

    public void Evaluate(ReadOnlySpan<float> x, float t, ReadOnlySpan<GuidanceBranch> branches, Span<float> velocities)
    {
        var variance = (double)t * t * s * s + (1.0 - t) * (1.0 - t);
        for (var b = 0; b < branches.Length; b++)
            for (var i = 0; i < length; i++)
                velocities[b * length + i] = (float)(mu + (t * s * s - (1.0 - t)) * (x[i] - t * mu) / variance);
    }
}
