namespace OmniContextEval.Core.Cases;

/// <summary>A loaded suite: its cases and identity (name, root folder, content hash).</summary>
/// <param name="Root">Absolute folder that case image paths are relative to.</param>
/// <param name="Sha256">Hash over the suite's case files and images; two runs compare only on equal hashes.</param>
public sealed record SuiteSnapshot(string Name, string Root, string Sha256, IReadOnlyList<BenchmarkCase> Cases);
