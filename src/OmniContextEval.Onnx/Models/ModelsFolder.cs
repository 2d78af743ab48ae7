using OmniContextEval.Core;

namespace OmniContextEval.Onnx.Models;

/// <summary>
/// Where the models live: <c>--models</c>, else <c>OMNICTX_MODELS</c>, else <c>$XDG_CACHE_HOME/omnictx/models</c>
/// (<c>~/.cache/omnictx/models</c> without it). Every command that opens models resolves the folder here.
/// </summary>
public static class ModelsFolder
{
    public const string EnvironmentVariable = "OMNICTX_MODELS";

    /// <summary>The default cache folder, <c>$XDG_CACHE_HOME/omnictx/models</c> or <c>~/.cache/omnictx/models</c>.</summary>
    public static string DefaultFolder => DefaultFolderIn(Environment.GetEnvironmentVariable);

    /// <summary>Resolves the folder from the command-line value (may be null), the environment, or the default.</summary>
    public static string Resolve(string? commandLineValue) => Resolve(commandLineValue, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="Resolve(string?)"/>, reading environment variables through <paramref name="environment"/>.</summary>
    public static string Resolve(string? commandLineValue, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(commandLineValue))
            return Path.GetFullPath(commandLineValue);
        var env = environment(EnvironmentVariable);
        return !string.IsNullOrWhiteSpace(env) ? Path.GetFullPath(env) : DefaultFolderIn(environment);
    }

    /// <summary>As <see cref="Resolve(string?)"/>, for commands that cannot run without models: a folder that does not exist is a <see cref="ModelsFolderNotFoundException"/>.</summary>
    public static string ResolveExisting(string? commandLineValue)
    {
        var folder = Resolve(commandLineValue);
        return Directory.Exists(folder) ? folder : throw new ModelsFolderNotFoundException(folder);
    }

    private static string DefaultFolderIn(Func<string, string?> environment)
    {
        var cache = environment("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache))
            cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "omnictx", "models");
    }
}
