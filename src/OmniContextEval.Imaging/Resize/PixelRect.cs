namespace OmniContextEval.Imaging.Resize;

/// <summary>A rectangle of whole pixels: left column, top row, width and height.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    /// <summary>Throws unless this rectangle is non-empty and lies inside a <paramref name="width"/> x <paramref name="height"/> image.</summary>
    public void EnsureInside(int width, int height)
    {
        if (Width <= 0 || Height <= 0 || X < 0 || Y < 0 || X + Width > width || Y + Height > height)
            throw new ArgumentOutOfRangeException(nameof(PixelRect), $"crop {Width}x{Height} at ({X}, {Y}) does not fit a {width}x{height} image");
    }
}
