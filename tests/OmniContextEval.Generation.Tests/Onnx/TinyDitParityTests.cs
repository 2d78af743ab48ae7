using System.Text.Json;
using OmniContextEval.Generation.Networks;
using OmniContextEval.Generation.Noise;
using OmniContextEval.Generation.Sampling;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Generation.Tests.Onnx;

/// <summary>
/// The C# sampler on the tiny DiT through ONNX Runtime against the same sampler written in PyTorch
/// (tools/models/tiny_dit.py, expected values in tests/fixtures/generation/tiny-dit).
/// </summary>
public class TinyDitParityTests
{
    private static readonly string Folder = TestPaths.Fixture("generation", "tiny-dit");
    private static readonly JsonElement Expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "tiny-dit-expected.json"))).RootElement;

    private static float[] Floats(JsonElement e) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(Convert.FromBase64String(e.GetString()!)).ToArray();

    [Fact]
    public void Noise_matches_the_numpy_implementation()
    {
        var expected = Floats(Expected.GetProperty("noiseHead"));
        var actual = GaussianNoise.Create(16, 0, Expected.GetProperty("caseId").GetString()!);
        for (var i = 0; i < 16; i++) Assert.Equal(expected[i], actual[i], 6);
    }

    public static TheoryData<int> Configs => new(Enumerable.Range(0, Expected.GetProperty("results").GetArrayLength()));

    [Theory]
    [MemberData(nameof(Configs))]
    public void Sampler_output_matches_pytorch_within_1e_4(int index)
    {
        var config = Expected.GetProperty("results")[index];
        using var network = ModelSession.Open(Folder, "tiny-dit-velocity", SessionSettings.Default);
        using var decoder = ModelSession.Open(Folder, "tiny-dit-vae-decoder", SessionSettings.Default);
        var conditioning = new NetworkConditioning(Floats(Expected.GetProperty("text")), Floats(Expected.GetProperty("negative")), Floats(Expected.GetProperty("image")));
        var model = new OnnxVelocityModel(network, conditioning);
        var cfg = config.GetProperty("cfgRange");
        var options = new SamplerOptions
        {
            Steps = config.GetProperty("steps").GetInt32(),
            Solver = Enum.Parse<SolverKind>(config.GetProperty("solver").GetString()!, ignoreCase: true),
            Shift = TimeShift.Parse(config.GetProperty("shift").GetString()!),
            Guidance = new GuidanceSettings(config.GetProperty("text").GetDouble(), config.GetProperty("image").GetDouble(), cfg[0].GetDouble(), cfg[1].GetDouble()),
        };
        var x = GaussianNoise.Create(model.StateLength, 0, Expected.GetProperty("caseId").GetString()!);
        new FlowSampler(options).Run(model, x, latentTokens: 8 * 8);
        AssertClose(Floats(config.GetProperty("sampleLatent")), x);
        AssertClose(Floats(config.GetProperty("decodedImage")), decoder.Run(x, [1, 4, 8, 8])[0].Values);
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst <= 1e-4, $"largest difference {worst:E2}");
    }

    [Fact]
    public void A_tampered_model_file_is_refused_naming_the_file()
    {
        var folder = TestPaths.NewTempDir();
        foreach (var f in Directory.GetFiles(Folder)) File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        var bytes = File.ReadAllBytes(Path.Combine(folder, "tiny-dit-velocity.onnx"));
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(Path.Combine(folder, "tiny-dit-velocity.onnx"), bytes);
        var e = Assert.Throws<OmniContextEval.Core.HarnessException>(() => ModelSession.Open(folder, "tiny-dit-velocity", SessionSettings.Default));
        Assert.Contains("model 'tiny-dit-velocity' (", e.Message);
        Assert.Contains("tiny-dit-velocity.onnx): sha256 expected", e.Message);
    }
}
