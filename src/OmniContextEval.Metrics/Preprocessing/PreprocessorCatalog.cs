using OmniContextEval.Core;

namespace OmniContextEval.Metrics.Preprocessing;

/// <summary>The preprocessing modes this build offers, by name; unknown names are rejected with the list of known ones.</summary>
public static class PreprocessorCatalog
{
    private static readonly Dictionary<string, Func<IImagePreprocessor>> Factories = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>Names of the registered modes.</summary>
    public static IReadOnlyList<string> Modes
    {
        get { lock (Gate) return Factories.Keys.Order().ToList(); }
    }

    /// <summary>Registers (or replaces) the factory for a mode.</summary>
    public static void Register(string mode, Func<IImagePreprocessor> factory)
    {
        lock (Gate) Factories[mode] = factory;
    }

    /// <summary>The preprocessor for <paramref name="mode"/>; <paramref name="model"/> is named in the error when it is unknown.</summary>
    public static IImagePreprocessor Create(string mode, string model)
    {
        lock (Gate)
        {
            if (Factories.TryGetValue(mode, out var factory))
                return factory();
        }
        throw new HarnessException($"model '{model}': preprocessing mode '{mode}' is not available in this build (available: {string.Join(", ", Modes)})", ExitCodes.ModelError);
    }
}
