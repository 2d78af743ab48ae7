namespace OmniContextEval.Generation.Sampling;

/// <summary>The OmniGen2 schedule: t_i = shift(i / N) for i = 0..N-1, then 1.0 appended (N + 1 points, 0 first).</summary>
public static class FlowSchedule
{
    /// <summary>The N + 1 times, computed in double and rounded to float (the network's time input type).</summary>
    public static float[] Times(int steps, double shiftFactor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        var times = new float[steps + 1];
        for (var i = 0; i < steps; i++)
            times[i] = (float)TimeShift.Apply((double)i / steps, shiftFactor);
        times[steps] = 1.0f;
        return times;
    }
}
