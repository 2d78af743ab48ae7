using OmniContextEval.Reports.Pipeline;
using OmniContextEval.Suites;

namespace OmniContextEval.Cli.Pipeline;

/// <summary>The pipeline's suite source: loads a suite folder (refusing it when invalid) and fingerprints it.</summary>
public sealed class SuiteFolderSource : ISuiteSource
{
    public SuiteSnapshot Load(string path)
    {
        var suite = Suite.Load(path);
        return new SuiteSnapshot(suite.Manifest.Name, suite.Folder, SuiteFingerprint.Compute(suite), suite.Cases);
    }
}
