namespace OmniContextEval.Imaging;

public enum ImageFormat { Png, Jpeg, Webp }

/// <summary>What an image header says, read without decoding pixels.</summary>
public sealed record ImageInfo(string Path, ImageFormat Format, int Width, int Height)
{
    public long PixelCount => (long)Width * Height;
}
