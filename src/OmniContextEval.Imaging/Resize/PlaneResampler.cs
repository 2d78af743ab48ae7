namespace OmniContextEval.Imaging.Resize;

/// <summary>Checks the arguments of a float-plane resize and runs its two passes.</summary>
internal static class PlaneResampler
{
    public static void Run(ReadOnlySpan<float> source, int width, int height, Span<float> destination, int outWidth, int outHeight,
        Func<(IAxisPass<float> Horizontal, IAxisPass<float> Vertical)> passes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outHeight);
        if (source.Length < (long)width * height)
            throw new ArgumentException($"source holds {source.Length} values, a {width}x{height} plane needs {(long)width * height}", nameof(source));
        if (destination.Length < (long)outWidth * outHeight)
            throw new ArgumentException($"destination holds {destination.Length} values, a {outWidth}x{outHeight} plane needs {(long)outWidth * outHeight}", nameof(destination));
        var (horizontal, vertical) = passes();
        SeparableResampler.Run(source, width, height, 1, horizontal, vertical, destination);
    }
}
