namespace OmniContextEval.Imaging.Resize;

/// <summary>Argument checks shared by the float-plane resizers.</summary>
internal static class PlaneChecks
{
    public static void Validate(ReadOnlySpan<float> source, int width, int height, Span<float> destination, int outWidth, int outHeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outHeight);
        if (source.Length < (long)width * height)
            throw new ArgumentException($"source holds {source.Length} values, a {width}x{height} plane needs {(long)width * height}", nameof(source));
        if (destination.Length < (long)outWidth * outHeight)
            throw new ArgumentException($"destination holds {destination.Length} values, a {outWidth}x{outHeight} plane needs {(long)outWidth * outHeight}", nameof(destination));
    }
}
