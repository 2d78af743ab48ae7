namespace OmniContextEval.Core;

/// <summary>
/// A setting (a device, an FID mode, an LPIPS network, a download source) has a value the library cannot use. The
/// message starts with the value; the command line puts the option that set it in front (only the CLI names flags).
/// </summary>
/// <param name="setting">The setting's name, e.g. "device"; the CLI maps it to its option.</param>
public sealed class InvalidSettingException(string setting, string message, int exitCode = ExitCodes.UsageError, Exception? inner = null)
    : HarnessException(message, exitCode, inner)
{
    public string Setting { get; } = setting;
}

/// <summary>Two results cannot be compared (suite, specification, partial against complete) unless the caller forces it.</summary>
public sealed class IncompatibleResultsException(string message) : HarnessException(message, ExitCodes.IncompatibleResults);

/// <summary>The models folder does not exist; the CLI says how to point at one.</summary>
public sealed class ModelsFolderNotFoundException(string folder)
    : HarnessException($"models folder {folder} does not exist", ExitCodes.ModelError)
{
    public string Folder { get; } = folder;
}
