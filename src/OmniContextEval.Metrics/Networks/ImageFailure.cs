namespace OmniContextEval.Metrics.Networks;

/// <summary>An image that produced no value (undecodable, wrong size, non-finite network output), with why.</summary>
public sealed record ImageFailure(string Path, string Reason);
