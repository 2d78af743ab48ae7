namespace OmniContextEval.Generation.Tests.Adapters;

/// <summary>
/// Tests that measure the process's memory or end every live command group (the SIGTERM path) run alone, after the
/// parallel ones: other tests' allocations and commands must not mix with theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessIsolation
{
    public const string Name = "adapter faults, run alone";
}
