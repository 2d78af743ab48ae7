using OmniContextEval.Generation.Adapters;
using OmniContextEval.Generation.Networks;
using OmniContextEval.Generation.Running;
using OmniContextEval.Generation.Sampling;
using OmniContextEval.Generation.Tests.TestSupport;
using OmniContextEval.Imaging;

namespace OmniContextEval.Generation.Tests.Onnx;

public class OnnxImageGeneratorTests
{
    private static readonly string Models = TestPaths.Fixture("generation", "tiny-dit");

    private static OnnxImageGenerator Create() =>
        new(Models, "tiny-dit-velocity", new SamplerOptions { Steps = 6 });

    [Fact]
    public async Task Generates_every_case_deterministically_at_the_requested_size()
    {
        var suite = new SuiteFolder(3, size: 48);
        var first = new OutputLayout(TestPaths.NewTempDir(), "onnx");
        var second = new OutputLayout(TestPaths.NewTempDir(), "onnx");
        using (var generator = Create())
            Assert.Equal(6, (await new GenerationRunner(generator, first).RunAsync(suite.Cases, suite.Directory, [0, 1])).Generated);
        using (var generator = Create())
            await new GenerationRunner(generator, second).RunAsync(suite.Cases, suite.Directory, [0, 1]);
        var a = Directory.GetFiles(first.MethodDirectory, "*.png", SearchOption.AllDirectories).Order().Select(File.ReadAllBytes).ToList();
        var b = Directory.GetFiles(second.MethodDirectory, "*.png", SearchOption.AllDirectories).Order().Select(File.ReadAllBytes).ToList();
        Assert.Equal(a, b);
        var image = ImageDecoder.Decode(first.ImagePath(suite.Cases[0], 0));
        Assert.Equal((48, 48), (image.Width, image.Height));
        Assert.NotEqual(File.ReadAllBytes(first.ImagePath(suite.Cases[0], 0)), File.ReadAllBytes(first.ImagePath(suite.Cases[0], 1)));
        var sidecar = GenerationSidecar.TryRead(first.SidecarPath(suite.Cases[0], 0))!;
        Assert.Equal("onnx", sidecar.Generator);
        Assert.Contains("+", sidecar.ModelHash);
    }

    [Fact]
    public void Unknown_model_names_and_generators_are_refused_with_the_choices()
    {
        var e = Assert.Throws<OmniContextEval.Core.HarnessException>(() => new OnnxImageGenerator(Models, "big-dit", new SamplerOptions()));
        Assert.Contains("model 'big-dit' is not in", e.Message);
        Assert.Contains("(models there: tiny-dit-vae-decoder, tiny-dit-vae-encoder, tiny-dit-velocity)", e.Message);
        var g = Assert.Throws<OmniContextEval.Core.HarnessException>(() => GeneratorFactory.Create(new GeneratorSettings("dalle")));
        Assert.Contains("available: native, onnx, folder, command, http", g.Message);
    }
}
