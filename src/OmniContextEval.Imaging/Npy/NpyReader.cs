using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OmniContextEval.Core;

namespace OmniContextEval.Imaging.Npy;

/// <summary>
/// Reads NumPy <c>.npy</c> files holding uint8 or little-endian float32/float64 arrays in C order (format versions 1 to 3).
/// Anything else is refused with a <see cref="HarnessException"/> naming the file.
/// </summary>
public static class NpyReader
{
    /// <summary>Reads a whole <c>.npy</c> file.</summary>
    public static NpyArray Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HarnessException($"{path}: cannot read: {e.Message}", ExitCodes.InvalidInput, e);
        }
        return Parse(bytes, path);
    }

    /// <summary>Parses file contents; <paramref name="name"/> is used in error messages.</summary>
    public static NpyArray Parse(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length < 10 || bytes[0] != 0x93 || !bytes.Slice(1, 5).SequenceEqual("NUMPY"u8))
            throw Bad(name, "not a .npy file (magic number missing)");
        var major = bytes[6];
        int headerStart, headerLength;
        if (major == 1)
            (headerStart, headerLength) = (10, bytes[8] | bytes[9] << 8);
        else if (major is 2 or 3 && bytes.Length >= 12)
            (headerStart, headerLength) = (12, (int)BitConverter.ToUInt32(bytes.Slice(8, 4)));
        else
            throw Bad(name, $"unsupported .npy format version {major}");
        if (headerLength < 0 || headerStart + headerLength > bytes.Length)
            throw Bad(name, "truncated header");

        var header = Encoding.UTF8.GetString(bytes.Slice(headerStart, headerLength));
        var descr = HeaderField(header, "descr", name);
        var type = descr switch
        {
            "'<f4'" => NpyElementType.Float32,
            "'<f8'" => NpyElementType.Float64,
            "'|u1'" or "'<u1'" => NpyElementType.UInt8,
            _ => throw Bad(name, $"element type {descr} is not supported (float32 '<f4', float64 '<f8' or uint8 '|u1')"),
        };
        if (HeaderField(header, "fortran_order", name) != "False")
            throw Bad(name, "Fortran-order arrays are not supported");
        var shape = ParseShape(HeaderField(header, "shape", name), name);

        var dataStart = headerStart + headerLength;
        var expected = shape.Aggregate(1L, (n, d) => n * d) * NpyArray.ElementSize(type);
        if (bytes.Length - dataStart != expected)
            throw Bad(name, $"shape ({string.Join(", ", shape)}) needs {expected} data bytes, file has {bytes.Length - dataStart}");
        return new NpyArray(type, shape, bytes[dataStart..].ToArray());
    }

    private static string HeaderField(string header, string key, string name)
    {
        var match = Regex.Match(header, $@"'{key}'\s*:\s*(\([^)]*\)|'[^']*'|\w+)");
        return match.Success ? match.Groups[1].Value : throw Bad(name, $"header has no '{key}'");
    }

    private static int[] ParseShape(string tuple, string name)
    {
        var parts = tuple.Trim('(', ')').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var shape = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out shape[i]))
                throw Bad(name, $"shape {tuple} is not a tuple of non-negative integers");
        return shape;
    }

    private static HarnessException Bad(string name, string why) => new($"{name}: {why}", ExitCodes.InvalidInput);
}
