using System.Runtime.InteropServices;

namespace OmniContextEval.Imaging.Codecs;

/// <summary>One native image library the decoders need, and whether this process can load it.</summary>
public sealed record NativeLibraryStatus(string Name, string FileName, bool Found, string? Error);

/// <summary>Checks that the native codec libraries (libpng, libjpeg-turbo, libwebp) can be loaded.</summary>
public static class NativeImageLibraries
{
    public static readonly IReadOnlyList<(string Name, string FileName)> Required =
    [
        ("libpng", "libpng16.so.16"),
        ("libjpeg-turbo", "libjpeg.so.62"),
        ("libwebp", "libwebp.so.7"),
    ];

    public static IReadOnlyList<NativeLibraryStatus> Probe() =>
        Required.Select(lib =>
        {
            if (NativeLibrary.TryLoad(lib.FileName, out var handle))
            {
                NativeLibrary.Free(handle);
                return new NativeLibraryStatus(lib.Name, lib.FileName, true, null);
            }
            return new NativeLibraryStatus(lib.Name, lib.FileName, false, $"{lib.FileName} not found (apt-get install {lib.Name})");
        }).ToList();
}
