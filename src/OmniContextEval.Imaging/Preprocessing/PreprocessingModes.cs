using System.Globalization;
using System.Text.RegularExpressions;
using OmniContextEval.Imaging.Resize;

namespace OmniContextEval.Imaging.Preprocessing;

/// <summary>
/// The preprocessing mode names (a contract: model manifests and results refer to them) and what each one is.
/// See ../shared/docs/metrics-reference.md for the references.
/// </summary>
public static partial class PreprocessingModes
{
    /// <summary>OpenAI CLIP: short side 224 (Pillow bicubic, torchvision rounding), center crop 224, x / 255, CLIP mean/std.</summary>
    public const string Clip = "clip";
    /// <summary>DINOv2 (and DINO) evaluation: short side 256 bicubic, center crop 224, x / 255, ImageNet mean/std.</summary>
    public const string Dinov2 = "dinov2";
    /// <summary>clean-fid: each channel as float resized by Pillow bicubic to 299x299 (squashed), clipped to 0..255, (x - 128) / 128.</summary>
    public const string InceptionClean = "inception-clean";
    /// <summary>pytorch-fid: x / 255, torch bilinear (align_corners=False, no antialias) to 299x299, 2x - 1.</summary>
    public const string InceptionLegacyPytorch = "inception-legacy-pytorch";
    /// <summary>torch-fidelity: TF1 bilinear (no half-pixel offset) to 299x299 on 0..255 floats, (x - 128) / 128.</summary>
    public const string InceptionTf1 = "inception-tf1";
    /// <summary>LPIPS: x / 127.5 - 1 at the image's own size. "lpips-WxH" (e.g. "lpips-256x256") resizes first (Pillow bicubic).</summary>
    public const string Lpips = "lpips";

    /// <summary>Every accepted name; "lpips-&lt;W&gt;x&lt;H&gt;" stands for the sized LPIPS family.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [Clip, Dinov2, InceptionClean, InceptionLegacyPytorch, InceptionTf1, Lpips, "lpips-<W>x<H>"];

    /// <summary>The channel mean and standard deviation OpenAI CLIP normalises with.</summary>
    public static readonly double[] ClipMean = [0.48145466, 0.4578275, 0.40821073], ClipStd = [0.26862954, 0.26130258, 0.27577711];
    /// <summary>The ImageNet channel mean and standard deviation (torchvision, DINO, DINOv2).</summary>
    public static readonly double[] ImageNetMean = [0.485, 0.456, 0.406], ImageNetStd = [0.229, 0.224, 0.225];

    private const int InceptionSize = 299;

    internal static bool TryCreate(string mode, out Preprocessor preprocessor)
    {
        Preprocessor? created = mode switch
        {
            Clip => new ShortSideCropPreprocessor(Clip, 224, 224, ClipMean, ClipStd),
            Dinov2 => new ShortSideCropPreprocessor(Dinov2, 256, 224, ImageNetMean, ImageNetStd),
            InceptionClean => new InceptionPreprocessor(InceptionClean, InceptionSize, ChannelLookup.Identity,
                (s, w, h, d, ow, oh) => PilResize.ResizePlane(s, w, h, d, ow, oh, PilFilter.Bicubic),
                x => (Math.Clamp(x, 0f, 255f) - 128f) / 128f),
            InceptionLegacyPytorch => new InceptionPreprocessor(InceptionLegacyPytorch, InceptionSize, new ChannelLookup(v => v / 255f),
                (s, w, h, d, ow, oh) => TorchResize.Bilinear(s, w, h, d, ow, oh, antialias: false),
                x => 2f * x - 1f),
            InceptionTf1 => new InceptionPreprocessor(InceptionTf1, InceptionSize, ChannelLookup.Identity,
                Tf1Resize.Bilinear,
                x => (x - 128f) / 128f),
            Lpips => new LpipsPreprocessor(Lpips, null),
            _ => SizedLpips(mode),
        };
        preprocessor = created!;
        return created is not null;
    }

    private static LpipsPreprocessor? SizedLpips(string mode)
    {
        var match = SizedLpipsPattern().Match(mode);
        if (!match.Success) return null;
        int width = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), height = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return width is > 0 and <= 16384 && height is > 0 and <= 16384 ? new LpipsPreprocessor(mode, (width, height)) : null;
    }

    [GeneratedRegex(@"^lpips-([1-9][0-9]{0,4})x([1-9][0-9]{0,4})$")]
    private static partial Regex SizedLpipsPattern();
}
