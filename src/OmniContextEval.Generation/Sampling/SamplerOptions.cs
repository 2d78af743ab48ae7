namespace OmniContextEval.Generation.Sampling;

/// <summary>How to integrate: steps, solver, time shift and guidance. Defaults are OmniGen2's published ones.</summary>
public sealed record SamplerOptions
{
    public int Steps { get; init; } = 50;
    public SolverKind Solver { get; init; } = SolverKind.Euler;
    public TimeShift Shift { get; init; } = TimeShift.DynamicShift;
    public GuidanceSettings Guidance { get; init; } = new();
}
