using OmniContextEval.Imaging;
using OmniContextEval.Suites.Paths;

namespace OmniContextEval.Generation.Running;

/// <summary>
/// Verifies an output image where it is used, without trusting its sidecar: it must lie inside the method folder (no
/// link along the way leads out), be a regular file (opened with <see cref="SafeFile"/>: no FIFO, device, directory or
/// final symbolic link, never blocking), decode, and be at least <see cref="MinimumSide"/> pixels per side (or the
/// generated size's smaller side, when a suite asks for smaller outputs) and exactly the size it was generated at.
/// </summary>
public static class OutputCheck
{
    /// <summary>The smallest accepted output side, in pixels (documented in docs/results-format.md).</summary>
    public const int MinimumSide = 64;

    /// <summary>Largest accepted output file, in bytes (a 4096x4096 RGB image stored uncompressed is 48 MiB).</summary>
    public const long MaximumBytes = 256L << 20;

    /// <summary>Why the output at <paramref name="path"/> cannot be used, or null when it can.</summary>
    /// <param name="root">The method folder the output must lie in.</param>
    /// <param name="width">Expected width in pixels (the size it was generated at).</param>
    public static string? Problem(string path, string root, int width, int height)
    {
        var realRoot = SuitePaths.RealPath(Path.GetFullPath(root));
        var realParent = SuitePaths.RealPath(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (!(realParent + Path.DirectorySeparatorChar).StartsWith(realRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return $"its folder resolves to {realParent}, outside {realRoot}";
        try
        {
            var image = ImageDecoder.Decode(SafeFile.ReadAll(path, path, MaximumBytes), path);
            var minimum = Math.Min(MinimumSide, Math.Min(width, height)); // a suite may ask for smaller outputs (tests do)
            if (image.Width < minimum || image.Height < minimum)
                return $"is {image.Width}x{image.Height}, smaller than the minimum of {minimum} px per side";
            if (image.Width != width || image.Height != height)
                return $"is {image.Width}x{image.Height}, expected {width}x{height}";
            return null;
        }
        catch (ImageDecodeException e) { return e.Reason; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return $"cannot be read: {e.Message}"; }
    }
}
