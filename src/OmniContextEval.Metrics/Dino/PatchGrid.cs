using OmniContextEval.Core.Cases;
using OmniContextEval.Imaging.Resize;

namespace OmniContextEval.Metrics.Dino;

/// <summary>A rectangle of patch cells: columns [Left, Left + Width), rows [Top, Top + Height).</summary>
public readonly record struct CellBox(int Left, int Top, int Width, int Height);

/// <summary>
/// Maps input-image pixels to the patch grid of a "resize short side, center crop" preprocessing (DINOv2:
/// short side 256, crop 224, patch 14 -> 16x16 cells), as torchvision's Resize and CenterCrop place the image.
/// </summary>
public sealed record PatchGrid(int ShortSide = 256, int Crop = 224, int Patch = 14)
{
    public static readonly PatchGrid DinoV2 = new();

    /// <summary>Cells per side.</summary>
    public int Size => Crop / Patch;

    /// <summary>
    /// The cells a pixel box covers at least partly; the part outside the crop is dropped, and a box entirely
    /// outside it (or no box) gives the whole grid.
    /// </summary>
    public CellBox Map(PixelBox? box, int imageWidth, int imageHeight)
    {
        if (box is null)
            return new CellBox(0, 0, Size, Size);
        var (resizedW, resizedH) = ShortSideResize.ResizedSize(imageWidth, imageHeight, ShortSide, ShortSideRounding.Torchvision);
        double sx = (double)resizedW / imageWidth, sy = (double)resizedH / imageHeight;
        var (left, top, _, _) = ShortSideResize.CenterCrop(resizedW, resizedH, Crop, Crop, ShortSideRounding.Torchvision);
        var x0 = Math.Clamp(box.X * sx - left, 0, Crop);
        var x1 = Math.Clamp((box.X + box.Width) * sx - left, 0, Crop);
        var y0 = Math.Clamp(box.Y * sy - top, 0, Crop);
        var y1 = Math.Clamp((box.Y + box.Height) * sy - top, 0, Crop);
        if (x1 <= x0 || y1 <= y0)
            return new CellBox(0, 0, Size, Size);
        var c0 = (int)Math.Floor(x0 / Patch);
        var r0 = (int)Math.Floor(y0 / Patch);
        var c1 = Math.Min(Size, (int)Math.Ceiling(x1 / Patch));
        var r1 = Math.Min(Size, (int)Math.Ceiling(y1 / Patch));
        return new CellBox(c0, r0, Math.Max(1, c1 - c0), Math.Max(1, r1 - r0));
    }
}
