using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Metrics.Fid;
using OmniContextEval.Metrics.Networks;
using OmniContextEval.Metrics.Numerics;
using OmniContextEval.Metrics.Tests.TestSupport;

namespace OmniContextEval.Metrics.Tests.Fid;

public class InceptionFeatureExtractorTests
{
    private static readonly RgbImage[] Patterns = Enumerable.Range(0, 8).Select(i => TestPattern.Image(i, 299, 299)).ToArray();
    private static readonly float[][] Reference = MetricFixtures.Rows(MetricFixtures.ModelReference("inception-v3-fid").GetProperty("features"));

    [Fact]
    public void Pool3_features_match_pytorch_within_float32_tolerance()
    {
        var features = Extract(8, FidMode.Clean).Features;

        Assert.Equal(8, features.Rows);
        Assert.Equal(128, features.Dimension);
        for (int r = 0; r < 8; r++)
            for (int k = 0; k < 128; k++)
                Assert.InRange(Math.Abs(features.Row(r)[k] - Reference[r][k]), 0, 5e-5f * Math.Max(1, Math.Abs(Reference[r][k])));
    }

    [Fact]
    public void Features_do_not_depend_on_batch_size_and_runs_repeat_exactly()
    {
        var one = Extract(1, FidMode.Clean).Features;
        var three = Extract(3, FidMode.Clean).Features;
        var again = Extract(3, FidMode.Clean).Features;

        Assert.Equal(three.Values, again.Values);
        for (int i = 0; i < one.Values.Length; i++)
            Assert.InRange(Math.Abs(one.Values[i] - three.Values[i]), 0, 1e-5f * Math.Max(1, Math.Abs(one.Values[i])));
    }

    [Fact]
    public void Fid_from_onnx_features_matches_fid_from_pytorch_features()
    {
        var onnx = Extract(4, FidMode.Clean).Features;
        var pytorch = FeatureMatrix.FromRows(Reference, 128);

        double fromOnnx = Fid(onnx), fromPytorch = Fid(pytorch);

        Assert.InRange(Math.Abs(fromOnnx / fromPytorch - 1), 0, 1e-4);
    }

    [Fact]
    public void Non_finite_features_become_recorded_failures()
    {
        var extractor = new InceptionFeatureExtractor(MetricFixtures.Pool.Get("inception-v3-fid"), new PoisonFirstImage(), 4);

        var set = extractor.FromImages([Patterns[0], Patterns[1], TestPattern.Image(2, 64, 80)]);

        Assert.Equal(2, set.Features.Rows);
        Assert.Equal(["image 0"], set.Failures.Select(f => f.Path));
        Assert.Contains("non-finite", set.Failures[0].Reason);
    }

    [Theory]
    [InlineData(FidMode.Clean)]
    [InlineData(FidMode.LegacyPytorch)]
    [InlineData(FidMode.Tf1)]
    public void Every_mode_resizes_other_sizes_to_299(FidMode mode)
    {
        var set = Extract(2, mode, [TestPattern.Image(1, 120, 200), TestPattern.Image(2, 400, 333)]);

        Assert.Equal(2, set.Features.Rows);
        Assert.Empty(set.Failures);
    }

    [Fact]
    public void Wrong_checksum_and_unknown_model_are_model_errors()
    {
        var dir = Testing.TestPaths.NewTempDir();
        foreach (var f in new[] { "models.json", "inception-v3-fid.onnx" })
            File.Copy(Path.Combine(MetricFixtures.ModelsDir, f), Path.Combine(dir, f));
        File.AppendAllText(Path.Combine(dir, "inception-v3-fid.onnx"), "x");

        var settings = new Onnx.Sessions.SessionSettings(IntraOpThreads: 1);
        var e = Assert.Throws<Core.HarnessException>(() => Onnx.Sessions.ModelSession.Open(dir, "inception-v3-fid", settings));
        Assert.Contains("sha256", e.Message);
        Assert.Equal(Core.ExitCodes.ModelError, e.ExitCode);
        Assert.Contains("models there: ", Assert.Throws<Core.HarnessException>(() => Onnx.Sessions.ModelSession.Open(dir, "nope", settings)).Message);
    }

    private static double Fid(FeatureMatrix f)
    {
        var first = FeatureMatrix.FromRows(Enumerable.Range(0, 4).Select(i => f.Row(i).ToArray()).ToList(), f.Dimension);
        var last = FeatureMatrix.FromRows(Enumerable.Range(4, 4).Select(i => f.Row(i).ToArray()).ToList(), f.Dimension);
        return FrechetDistance.Compute(FeatureStatistics.Of(first), FeatureStatistics.Of(last)).Value;
    }

    private static FeatureSet Extract(int batch, FidMode mode, RgbImage[]? images = null)
    {
        return new InceptionFeatureExtractor(MetricFixtures.Pool.Get("inception-v3-fid"), Preprocessor.Get(mode.PreprocessName()), batch).FromImages(images ?? Patterns);
    }

    /// <summary>Writes NaN for the first pattern image, so the network's output for it is not finite.</summary>
    private sealed class PoisonFirstImage : Preprocessor
    {
        private readonly Preprocessor _inner = Preprocessor.Get(PreprocessingModes.InceptionClean);
        public override string Name => "poison-first";
        public override (int Height, int Width) OutputSize(int width, int height) => (299, 299);

        public override void Write(RgbImage image, Span<float> destination)
        {
            _inner.Write(image, destination);
            if (ReferenceEquals(image, Patterns[0]))
                destination.Fill(float.NaN);
        }
    }
}
