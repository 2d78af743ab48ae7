using OmniContextEval.Core.Cases;
using OmniContextEval.Suites;

namespace OmniContextEval.Runs.Suites;

/// <summary>Loads a suite for a run (the CLI passes another source in tests to score runs without a suite on disk).</summary>
public interface ISuiteSource
{
    SuiteSnapshot Load(string path);
}

/// <summary>Loads a suite folder (refusing it when invalid) and fingerprints it.</summary>
public sealed class SuiteFolderSource : ISuiteSource
{
    public SuiteSnapshot Load(string path)
    {
        var suite = Suite.Load(path);
        return new SuiteSnapshot(suite.Manifest.Name, suite.Folder, SuiteFingerprint.Compute(suite), suite.Cases);
    }
}
