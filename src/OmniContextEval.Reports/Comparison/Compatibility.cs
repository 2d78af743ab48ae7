using OmniContextEval.Core;
using OmniContextEval.Reports.Results;

namespace OmniContextEval.Reports.Comparison;

/// <summary>Whether results may be compared: same suite, same scoring specification, complete against complete.</summary>
public static class Compatibility
{
    /// <summary>Throws IncompatibleResults naming both runs and the difference, unless <paramref name="force"/>.</summary>
    public static void Check(RunResults a, RunResults b, bool force)
    {
        if (force) return;
        if (a.Suite.Sha256 != b.Suite.Sha256)
            throw Incompatible($"runs '{a.RunId}' and '{b.RunId}' used different suites ({a.Suite.Name} {Short(a.Suite.Sha256)} vs {b.Suite.Name} {Short(b.Suite.Sha256)})");
        if (a.Spec.Sha256 != b.Spec.Sha256)
            throw Incompatible($"runs '{a.RunId}' and '{b.RunId}' were scored under different specifications ({a.Spec.Name} v{a.Spec.Version} {Short(a.Spec.Sha256)} vs {b.Spec.Name} v{b.Spec.Version} {Short(b.Spec.Sha256)})");
        if (a.Partial != b.Partial)
            throw Incompatible($"run '{(a.Partial ? a.RunId : b.RunId)}' is partial (absent models: {string.Join(", ", (a.Partial ? a : b).AbsentModels.DefaultIfEmpty("see report"))}) and '{(a.Partial ? b.RunId : a.RunId)}' is complete");
    }

    private static IncompatibleResultsException Incompatible(string message) => new(message);

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
