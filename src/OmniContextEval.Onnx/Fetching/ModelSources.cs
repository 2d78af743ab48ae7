using OmniContextEval.Core;

namespace OmniContextEval.Onnx.Fetching;

/// <summary>
/// Where <c>omnictx models fetch</c> downloads from: a folder URL holding a <c>models.json</c> and the files it
/// lists (what tools/export-models.py writes), given with <c>--from</c> or <c>OMNICTX_MODELS_URL</c>. The SHA-256 of
/// every file is pinned by that manifest.
/// </summary>
public static class ModelSources
{
    public const string EnvironmentVariable = "OMNICTX_MODELS_URL";

    public static Uri Resolve(string? commandLineValue)
    {
        var value = !string.IsNullOrWhiteSpace(commandLineValue) ? commandLineValue : Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidSettingException("from", $"no download source given (nor {EnvironmentVariable}): the URL of a folder published by tools/export-models.py is needed");
        if (!Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
            throw new InvalidSettingException("from", $"{value}: expected an http(s) folder URL");
        return uri;
    }
}
