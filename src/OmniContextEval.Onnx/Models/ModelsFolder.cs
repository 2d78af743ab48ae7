namespace OmniContextEval.Onnx.Models;

/// <summary>Where the models live: <c>--models</c>, else <c>OMNICTX_MODELS</c>, else <c>~/.cache/omnictx/models</c>.</summary>
public static class ModelsFolder
{
    public const string EnvironmentVariable = "OMNICTX_MODELS";

    /// <summary>The default cache folder, <c>$XDG_CACHE_HOME/omnictx/models</c> or <c>~/.cache/omnictx/models</c>.</summary>
    public static string DefaultFolder
    {
        get
        {
            var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache))
                cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(cache, "omnictx", "models");
        }
    }

    /// <summary>Resolves the folder from the command-line value (may be null), the environment, or the default.</summary>
    public static string Resolve(string? commandLineValue)
    {
        if (!string.IsNullOrWhiteSpace(commandLineValue))
            return Path.GetFullPath(commandLineValue);
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return !string.IsNullOrWhiteSpace(env) ? Path.GetFullPath(env) : DefaultFolder;
    }

    /// <summary>Says where the folder came from, for messages.</summary>
    public static string Describe(string? commandLineValue) =>
        !string.IsNullOrWhiteSpace(commandLineValue) ? "--models"
        : !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable)) ? EnvironmentVariable
        : "default cache folder";
}
