using OmniContextEval.Imaging;

namespace OmniContextEval.Generation.Adapters;

/// <summary>
/// Reads an image file an external generator named through <see cref="SafeFile"/> (never blocks, never follows the last
/// link, regular files only), bounded by the answer limit. Failures are <see cref="ImageDecodeException"/>s naming the file.
/// </summary>
public static class RegularFile
{
    /// <summary>The bytes of the regular file at <paramref name="path"/>, at most <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadAll(string path, long maxBytes)
    {
        var name = PrintableText.Escape(path, 300);
        using var stream = SafeFile.OpenRead(path, name, out var size);
        if (size > maxBytes) throw new ImageDecodeException(name, $"file of {size} bytes is larger than the answer limit of {maxBytes} bytes (--max-answer-bytes)");
        try { return BoundedRead.ReadAllAsync(stream, maxBytes, name, size, CancellationToken.None).GetAwaiter().GetResult(); }
        catch (AnswerTooLargeException e) { throw new ImageDecodeException(name, e.Message); }
        catch (IOException e) { throw new ImageDecodeException(name, $"cannot read the file: {e.Message}", e); }
    }

    /// <summary>The canonical absolute path (every link resolved), or null when it does not resolve.</summary>
    public static string? Resolve(string path) => SafeFile.Resolve(path);
}
