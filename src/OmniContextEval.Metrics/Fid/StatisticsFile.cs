using System.IO.Compression;
using OmniContextEval.Core;
using OmniContextEval.Imaging.Npy;

namespace OmniContextEval.Metrics.Fid;

/// <summary>
/// FID statistics as pytorch-fid's <c>.npz</c> (<c>np.savez(path, mu=..., sigma=...)</c>): a ZIP holding
/// <c>mu.npy</c> (float64 [d]) and <c>sigma.npy</c> (float64 [d, d]); pytorch-fid and NumPy read what this writes.
/// The sample count, which .npz files from elsewhere lack, is kept in an extra <c>count.npy</c> (float64 [1]).
/// </summary>
public static class StatisticsFile
{
    public static void Save(string path, FeatureStatistics statistics)
    {
        AtomicFile.WriteAllBytes(path, ToBytes(statistics));
    }

    public static byte[] ToBytes(FeatureStatistics s)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "mu.npy", NpyWriter.Float64(s.Mean, [s.Dimension]));
            Add(zip, "sigma.npy", NpyWriter.Float64(s.Covariance, [s.Dimension, s.Dimension]));
            Add(zip, "count.npy", NpyWriter.Float64([s.Count], [1]));
        }
        return buffer.ToArray();
    }

    /// <summary>Reads mu and sigma (float64 or float32); the count is 0 when the file does not record it.</summary>
    public static FeatureStatistics Load(string path)
    {
        if (!File.Exists(path))
            throw new HarnessException($"{path}: statistics file not found");
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var mu = Read(zip, path, "mu") ?? throw new HarnessException($"{path}: no 'mu' array");
            var sigma = Read(zip, path, "sigma") ?? throw new HarnessException($"{path}: no 'sigma' array");
            var count = Read(zip, path, "count");
            int d = mu.Shape[0];
            if (mu.Shape.Count != 1 || sigma.Shape.Count != 2 || sigma.Shape[0] != d || sigma.Shape[1] != d)
                throw new HarnessException($"{path}: mu is [{string.Join(",", mu.Shape)}], sigma [{string.Join(",", sigma.Shape)}]; expected [d] and [d,d]");
            return new FeatureStatistics(d, count is null ? 0 : (long)Float64(count)[0], Float64(mu), Float64(sigma));
        }
        catch (InvalidDataException e)
        {
            throw new HarnessException($"{path}: not a .npz (ZIP) file: {e.Message}", ExitCodes.InvalidInput, e);
        }
    }

    private static void Add(ZipArchive zip, string name, byte[] npy)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        stream.Write(npy);
    }

    private static double[] Float64(NpyArray array) => array.ElementType switch
    {
        NpyElementType.Float64 => array.AsFloat64().ToArray(),
        NpyElementType.Float32 => array.AsFloat32().ToArray().Select(v => (double)v).ToArray(),
        _ => throw new HarnessException($"statistics arrays must be float64 or float32, got {array.ElementType}"),
    };

    private static NpyArray? Read(ZipArchive zip, string path, string key)
    {
        var entry = zip.GetEntry(key + ".npy") ?? zip.GetEntry(key);
        if (entry is null)
            return null;
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return NpyReader.Parse(copy.ToArray(), $"{path}:{entry.FullName}");
    }
}
