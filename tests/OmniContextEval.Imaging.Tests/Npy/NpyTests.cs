using System.Diagnostics;
using OmniContextEval.Core;
using OmniContextEval.Imaging.Npy;

namespace OmniContextEval.Imaging.Tests.Npy;

public class NpyTests
{
    [Fact]
    public void Float32_round_trips()
    {
        float[] data = [1.5f, -2f, float.MaxValue, 0f, 1e-30f, 3f];
        var array = NpyReader.Parse(NpyWriter.Float32(data, [2, 3]), "mem");
        Assert.Equal([2, 3], array.Shape);
        Assert.Equal(data, array.AsFloat32().ToArray());
    }

    [Fact]
    public void Header_is_padded_to_64_bytes_and_one_dimensional_shape_has_a_trailing_comma()
    {
        var bytes = NpyWriter.Float32(new float[5], [5]);
        var headerLength = bytes[8] | bytes[9] << 8;
        Assert.Equal(0, (10 + headerLength) % 64);
        var header = System.Text.Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.StartsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }", header);
        Assert.EndsWith("\n", header);
    }

    [Fact]
    public void Reads_files_numpy_wrote()
    {
        var input = NpyReader.Read(TestPaths.Fixture("preprocess", "inputs", "a37x23.npy"));
        Assert.Equal(NpyElementType.UInt8, input.ElementType);
        Assert.Equal([23, 37, 3], input.Shape);
    }

    [Fact]
    public void Refuses_bad_files_naming_them()
    {
        var good = NpyWriter.Float32(new float[4], [4]);
        var cases = new Dictionary<string, byte[]>
        {
            ["magic"] = [.. "NOTNPY"u8, .. good[6..]],
            ["truncated"] = good[..^3],
            ["short"] = good[..5],
        };
        foreach (var (name, bytes) in cases)
        {
            var e = Assert.Throws<HarnessException>(() => NpyReader.Parse(bytes, name));
            Assert.StartsWith(name + ":", e.Message);
        }
        var integers = good.ToArray(); // float64 is supported (FID statistics); integer arrays are not
        integers[good.AsSpan().IndexOf("<f4"u8) + 1] = (byte)'i';
        Assert.Contains("'<i4'", Assert.Throws<HarnessException>(() => NpyReader.Parse(integers, "i4")).Message);
    }

    [Fact]
    public void Writer_rejects_shape_mismatch() =>
        Assert.Throws<ArgumentException>(() => NpyWriter.Float32(new float[5], [2, 3]));

    /// <summary>NumPy itself reads what the writer writes (Debian's python3-numpy; tools/setup.sh --tests installs it).</summary>
    [Fact]
    public void Num_py_loads_the_file()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "t.npy");
        NpyWriter.WriteFloat32(path, [0.25f, -1f, 3f, 4f, 5f, 6f], [1, 2, 3]);
        var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", "import sys, numpy as n; a = n.load(sys.argv[1]); print(a.shape, a.dtype, float(a.sum()))", path])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
        Assert.Equal("(1, 2, 3) float32 17.25", stdout.Trim());
    }
}
