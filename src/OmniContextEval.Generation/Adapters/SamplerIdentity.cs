using OmniContextEval.Generation.Sampling;

namespace OmniContextEval.Generation.Adapters;

/// <summary>Builds the <see cref="GeneratorIdentity"/> of a generator the harness samples step by step.</summary>
public static class SamplerIdentity
{
    public static GeneratorIdentity Describe(string name, string version, string? modelHash, SamplerOptions options, string? settings = null) =>
        new(name, version, modelHash, options.Steps, options.Solver.ToString().ToLowerInvariant(),
            options.Guidance.TextScale, options.Guidance.ImageScale, [options.Guidance.CfgStart, options.Guidance.CfgEnd],
            options.Shift.ToString(), settings);
}
