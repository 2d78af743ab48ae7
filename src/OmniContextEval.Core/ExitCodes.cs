namespace OmniContextEval.Core;

/// <summary>Process exit codes of every <c>omnictx</c> command. Scripts and CI read these, so they never change meaning.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;
    /// <summary>An unexpected internal error (a bug): the message says where.</summary>
    public const int InternalError = 1;
    /// <summary>The command line itself is wrong (unknown option, bad value).</summary>
    public const int UsageError = 2;
    /// <summary>Input data is invalid: a case file, an image, a results file.</summary>
    public const int InvalidInput = 3;
    /// <summary>A model is missing, corrupt or does not have the expected inputs and outputs.</summary>
    public const int ModelError = 4;
    /// <summary>A native runtime or execution provider could not be loaded.</summary>
    public const int RuntimeUnavailable = 5;
    /// <summary>The run finished but some cases failed; their failures are recorded in the results.</summary>
    public const int PartialFailure = 6;
    /// <summary>Gate: the candidate regressed significantly against the baseline.</summary>
    public const int RegressionFound = 10;
    /// <summary>Two results cannot be compared (different suite, scoring specification or schema).</summary>
    public const int IncompatibleResults = 11;
    /// <summary>The user interrupted the command (Ctrl+C); completed work is kept.</summary>
    public const int Cancelled = 130;
}
