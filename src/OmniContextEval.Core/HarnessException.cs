namespace OmniContextEval.Core;

/// <summary>
/// A failure the user can act on (bad input, missing model, unavailable runtime). The message names the
/// case, file or field; <see cref="ExitCode"/> is what the command returns.
/// </summary>
public class HarnessException(string message, int exitCode = ExitCodes.InvalidInput, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
