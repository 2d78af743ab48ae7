using System.Runtime.InteropServices;

namespace OmniContextEval.Imaging.Codecs;

/// <summary>One native image library the decoders need, and whether this process can load it.</summary>
public sealed record NativeLibraryStatus(string Name, string FileName, bool Found, string? Error);

/// <summary>
/// Checks that exactly the native libraries the decoders load can be loaded: the build's codec layer
/// (libomnictx_codecs.so, which links libpng16 and libjpeg-turbo's libjpeg.so.62) and libwebp.
/// </summary>
public static class NativeImageLibraries
{
    public static readonly IReadOnlyList<(string Name, string FileName)> Required =
    [
        ("libpng", "libpng16.so.16"),
        ("libjpeg-turbo", "libjpeg.so.62"),
        ("libwebp", NativeCodecs.WebpLibrary),
        ("codec layer", NativeCodecs.ShimLibrary),
    ];

    /// <summary>What to do when a library is missing: the Debian package, or a rebuild for the project's own layer.</summary>
    private static string Remedy(string fileName) => fileName switch
    {
        "libpng16.so.16" => "apt-get install libpng16-16 (or run tools/setup.sh)",
        "libjpeg.so.62" => "apt-get install libjpeg62-turbo (or run tools/setup.sh)",
        NativeCodecs.WebpLibrary => "apt-get install libwebp7 (or run tools/setup.sh)",
        _ => "it is built with the project: run tools/setup.sh (installs libpng-dev, libjpeg62-turbo-dev), then rebuild",
    };

    /// <summary>Tries to load each library the way the decoders' P/Invoke does (application folder first, then the system).</summary>
    public static IReadOnlyList<NativeLibraryStatus> Probe() => Probe(Required);

    internal static IReadOnlyList<NativeLibraryStatus> Probe(IEnumerable<(string Name, string FileName)> libraries) =>
        libraries.Select(lib =>
        {
            if (NativeLibrary.TryLoad(lib.FileName, typeof(NativeImageLibraries).Assembly, null, out var handle))
            {
                NativeLibrary.Free(handle);
                return new NativeLibraryStatus(lib.Name, lib.FileName, true, null);
            }
            return new NativeLibraryStatus(lib.Name, lib.FileName, false, $"{lib.FileName} cannot be loaded: {Remedy(lib.FileName)}");
        }).ToList();
}
