using OmniContextEval.Core;
using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Imaging.Resize;

namespace OmniContextEval.Imaging.Tests.Preprocessing;

public class PreprocessorTests
{
    [Fact]
    public void Unknown_mode_lists_the_known_ones()
    {
        var e = Assert.Throws<HarnessException>(() => Preprocessor.Get("clip-336"));
        Assert.Equal(ExitCodes.InvalidInput, e.ExitCode);
        Assert.Contains("'clip-336'", e.Message);
        foreach (var name in PreprocessingModes.Names)
            Assert.Contains(name, e.Message);
    }

    [Theory]
    [InlineData("clip", 224, 224)]
    [InlineData("dinov2", 224, 224)]
    [InlineData("inception-clean", 299, 299)]
    [InlineData("inception-legacy-pytorch", 299, 299)]
    [InlineData("inception-tf1", 299, 299)]
    [InlineData("lpips", 41, 67)]
    [InlineData("lpips-256x128", 128, 256)]
    public void Output_sizes(string mode, int height, int width)
    {
        var preprocessor = Preprocessor.Get(mode);
        Assert.Equal(mode, preprocessor.Name);
        Assert.Equal((height, width), preprocessor.OutputSize(67, 41));
    }

    [Theory]
    [InlineData("lpips-0x5")]
    [InlineData("lpips-5x")]
    [InlineData("lpips-256X256")]
    [InlineData("LPIPS")]
    [InlineData("")]
    public void Malformed_names_are_rejected(string mode) => Assert.False(Preprocessor.TryGet(mode, out _));

    /// <summary>Degenerate shapes (one pixel, one row, one column) go through every mode with finite results in range.</summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 500)]
    [InlineData(500, 1)]
    [InlineData(2, 3)]
    public void Degenerate_images_give_finite_tensors(int width, int height)
    {
        var image = TestImages.Random(width, height, 7);
        foreach (var mode in PreprocessingModes.Names.Where(n => !n.Contains('<')).Append("lpips-5x3"))
        {
            var data = Preprocessor.Get(mode).CreateBatch([image]).Data;
            Assert.All(data, v => Assert.True(float.IsFinite(v) && Math.Abs(v) < 3f, $"{mode} {width}x{height}: {v}"));
        }
    }

    [Fact]
    public void Batch_is_the_concatenation_of_single_images()
    {
        var preprocessor = Preprocessor.Get(PreprocessingModes.Clip);
        RgbImage[] images = [TestImages.Random(300, 200, 1), TestImages.Random(150, 260, 2), TestImages.Random(224, 224, 3)];
        var (batch, shape) = preprocessor.CreateBatch(images);
        Assert.Equal([3, 3, 224, 224], shape);
        var per = 3 * 224 * 224;
        for (var i = 0; i < images.Length; i++)
        {
            var single = new float[per];
            preprocessor.Write(images[i], single);
            Assert.Equal(single, batch.AsSpan(i * per, per).ToArray());
        }
    }

    [Fact]
    public void Parallel_batch_equals_sequential_batch()
    {
        var preprocessor = Preprocessor.Get(PreprocessingModes.InceptionClean);
        var images = Enumerable.Range(0, 6).Select(i => TestImages.Random(60 + i * 7, 90 - i * 5, i)).ToArray();
        var (sequential, shape) = preprocessor.CreateBatch(images);
        var parallel = new float[sequential.Length];
        preprocessor.WriteBatch(images, parallel.AsMemory(), maxDegreeOfParallelism: 4);
        Assert.Equal([6, 3, 299, 299], shape);
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Writes_into_caller_memory_without_touching_the_rest()
    {
        var preprocessor = Preprocessor.Get("lpips-8x6");
        var buffer = new float[2 * 3 * 6 * 8 + 5];
        Array.Fill(buffer, float.NaN);
        preprocessor.WriteBatch([TestImages.Random(9, 9, 4), TestImages.Random(3, 30, 5)], buffer);
        Assert.All(buffer[..^5], v => Assert.InRange(v, -1f, 1f));
        Assert.All(buffer[^5..], v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void Mixed_sizes_in_one_batch_are_refused_for_native_size_modes()
    {
        var e = Assert.Throws<ArgumentException>(() => Preprocessor.Get(PreprocessingModes.Lpips).BatchShape([TestImages.Random(4, 4, 0), TestImages.Random(5, 4, 0)]));
        Assert.Contains("batch image 1", e.Message);
    }

    [Fact]
    public void Small_destination_is_refused() =>
        Assert.Throws<ArgumentException>(() => Preprocessor.Get(PreprocessingModes.Dinov2).Write(TestImages.Random(20, 20, 0), new float[3 * 224 * 223]));

    [Theory]
    [InlineData("clip")]
    [InlineData("inception-clean")]
    [InlineData("inception-legacy-pytorch")]
    [InlineData("inception-tf1")]
    public void Each_mode_gives_the_same_tensor_every_time(string mode)
    {
        var image = TestImages.Random(123, 77, 9);
        var preprocessor = Preprocessor.Get(mode);
        Assert.Equal(preprocessor.CreateBatch([image]).Data, Preprocessor.Get(mode).CreateBatch([image]).Data);
    }

    /// <summary>The Inception modes' transposed-plane path equals the public plane resizers, also when an axis keeps its size.</summary>
    [Theory]
    [InlineData(299, 150)]
    [InlineData(150, 299)]
    [InlineData(299, 299)]
    [InlineData(410, 290)]
    public void Inception_modes_equal_the_plane_resizers(int width, int height)
    {
        var image = TestImages.Random(width, height, width + height);
        var plane = new float[width * height];
        var expected = new float[299 * 299];
        foreach (var mode in new[] { PreprocessingModes.InceptionClean, PreprocessingModes.InceptionLegacyPytorch, PreprocessingModes.InceptionTf1 })
        {
            var tensor = Preprocessor.Get(mode).CreateBatch([image]).Data;
            for (var c = 0; c < 3; c++)
            {
                for (var i = 0; i < plane.Length; i++)
                    plane[i] = mode == PreprocessingModes.InceptionLegacyPytorch ? image.Pixels[i * 3 + c] / 255f : image.Pixels[i * 3 + c];
                switch (mode)
                {
                    case PreprocessingModes.InceptionClean:
                        PilResize.ResizePlane(plane, width, height, expected, 299, 299, PilFilter.Bicubic);
                        for (var i = 0; i < expected.Length; i++) expected[i] = (Math.Clamp(expected[i], 0f, 255f) - 128f) / 128f;
                        break;
                    case PreprocessingModes.InceptionLegacyPytorch:
                        TorchResize.Bilinear(plane, width, height, expected, 299, 299, antialias: false);
                        for (var i = 0; i < expected.Length; i++) expected[i] = 2f * expected[i] - 1f;
                        break;
                    default:
                        Tf1Resize.Bilinear(plane, width, height, expected, 299, 299);
                        for (var i = 0; i < expected.Length; i++) expected[i] = (expected[i] - 128f) / 128f;
                        break;
                }
                Assert.True(expected.AsSpan().SequenceEqual(tensor.AsSpan(c * expected.Length, expected.Length)), $"{mode} {width}x{height} channel {c}");
            }
        }
    }

    [Fact]
    public void Inception_modes_differ_from_each_other()
    {
        // Guards against two modes silently sharing one pipeline.
        var image = TestImages.Random(64, 48, 3);
        var clean = Preprocessor.Get(PreprocessingModes.InceptionClean).CreateBatch([image]).Data;
        var legacy = Preprocessor.Get(PreprocessingModes.InceptionLegacyPytorch).CreateBatch([image]).Data;
        var tf1 = Preprocessor.Get(PreprocessingModes.InceptionTf1).CreateBatch([image]).Data;
        Assert.NotEqual(clean, legacy);
        Assert.NotEqual(legacy, tf1);
        Assert.NotEqual(clean, tf1);
    }
}
