using OmniContextEval.Core;

namespace OmniContextEval.Imaging;

/// <summary>An image could not be read: missing, corrupt, truncated, unsupported or too large. Names the file.</summary>
public sealed class ImageDecodeException(string path, string reason, Exception? inner = null)
    : HarnessException($"{path}: {reason}", ExitCodes.InvalidInput, inner)
{
    public string ImagePath { get; } = path;
    public string Reason { get; } = reason;
}
