using OmniContextEval.Core;

namespace OmniContextEval.Metrics.Fid;

/// <summary>Which reference implementation's Inception input FID reproduces (metrics-reference.md); recorded with every result.</summary>
public enum FidMode
{
    /// <summary>clean-fid: PIL bicubic (antialiased) on float channels, clip, (x - 128) / 128.</summary>
    Clean,
    /// <summary>pytorch-fid: x / 255, bilinear (align_corners = false, no antialias), 2x - 1.</summary>
    LegacyPytorch,
    /// <summary>torch-fidelity / torchmetrics &lt; 1.8: TF1 bilinear (no half-pixel offset), (x - 128) / 128.</summary>
    Tf1,
}

public static class FidModes
{
    public static string Name(this FidMode mode) => mode switch
    {
        FidMode.Clean => "clean",
        FidMode.LegacyPytorch => "legacy-pytorch",
        _ => "tf1",
    };

    /// <summary>The preprocessing mode name models.json and the preprocessing module use ("inception-clean", ...).</summary>
    public static string PreprocessName(this FidMode mode) => "inception-" + mode.Name();

    public static FidMode Parse(string name) => name switch
    {
        "clean" => FidMode.Clean,
        "legacy-pytorch" => FidMode.LegacyPytorch,
        "tf1" => FidMode.Tf1,
        _ => throw new InvalidSettingException("mode", $"{name}: unknown FID mode (clean, legacy-pytorch, tf1)"),
    };
}
