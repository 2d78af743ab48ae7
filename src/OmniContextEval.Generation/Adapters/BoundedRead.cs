using OmniContextEval.Core;

namespace OmniContextEval.Generation.Adapters;

/// <summary>An external generator's answer (a response body, stdout, an image file) is larger than <see cref="ExternalOptions.MaxAnswerBytes"/>.</summary>
public sealed class AnswerTooLargeException(string what, long maxBytes)
    : HarnessException($"{what} is larger than the answer limit of {maxBytes} bytes ; reading stopped there")
{
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>Reads a stream to its end into one array, never holding more than a stated number of bytes.</summary>
public static class BoundedRead
{
    private const int InitialCapacity = 64 * 1024;

    /// <summary>
    /// All bytes of <paramref name="stream"/>, or <see cref="AnswerTooLargeException"/> as soon as more than
    /// <paramref name="maxBytes"/> arrive (the buffer never exceeds <paramref name="maxBytes"/>, plus one final copy
    /// to the exact length). <paramref name="expectedLength"/> (a Content-Length, a file size) sizes the first buffer.
    /// </summary>
    public static async Task<byte[]> ReadAllAsync(Stream stream, long maxBytes, string what, long? expectedLength, CancellationToken cancellation)
    {
        if (expectedLength > maxBytes) throw new AnswerTooLargeException($"{what} ({expectedLength} bytes announced)", maxBytes);
        var limit = (int)Math.Min(maxBytes, Array.MaxLength);
        var buffer = new byte[Math.Clamp(expectedLength ?? InitialCapacity, 1, limit)];
        var count = 0;
        while (true)
        {
            if (count == buffer.Length)
            {
                if (count == limit)
                {
                    var probe = new byte[1];
                    if (await stream.ReadAsync(probe, cancellation) == 0) break;
                    throw new AnswerTooLargeException(what, maxBytes);
                }
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit));
            }
            var read = await stream.ReadAsync(buffer.AsMemory(count), cancellation);
            if (read == 0) break;
            count += read;
        }
        if (count != buffer.Length) Array.Resize(ref buffer, count);
        return buffer;
    }
}
