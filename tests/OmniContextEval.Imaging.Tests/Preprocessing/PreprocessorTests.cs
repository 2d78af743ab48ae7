using OmniContextEval.Core;
using OmniContextEval.Imaging.Preprocessing;

namespace OmniContextEval.Imaging.Tests.Preprocessing;

public class PreprocessorTests
{
    private static RgbImage Random(int width, int height, int seed)
    {
        var image = new RgbImage(width, height);
        new Random(seed).NextBytes(image.Pixels);
        return image;
    }

    [Fact]
    public void UnknownModeListsTheKnownOnes()
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
    public void OutputSizes(string mode, int height, int width)
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
    public void MalformedNamesAreRejected(string mode) => Assert.False(Preprocessor.TryGet(mode, out _));

    [Fact]
    public void BatchIsTheConcatenationOfSingleImages()
    {
        var preprocessor = Preprocessor.Get(PreprocessingModes.Clip);
        RgbImage[] images = [Random(300, 200, 1), Random(150, 260, 2), Random(224, 224, 3)];
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
    public void WritesIntoCallerMemoryWithoutTouchingTheRest()
    {
        var preprocessor = Preprocessor.Get("lpips-8x6");
        var buffer = new float[2 * 3 * 6 * 8 + 5];
        Array.Fill(buffer, float.NaN);
        preprocessor.WriteBatch([Random(9, 9, 4), Random(3, 30, 5)], buffer);
        Assert.All(buffer[..^5], v => Assert.InRange(v, -1f, 1f));
        Assert.All(buffer[^5..], v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void MixedSizesInOneBatchAreRefusedForNativeSizeModes()
    {
        var e = Assert.Throws<ArgumentException>(() => Preprocessor.Get(PreprocessingModes.Lpips).BatchShape([Random(4, 4, 0), Random(5, 4, 0)]));
        Assert.Contains("batch image 1", e.Message);
    }

    [Fact]
    public void SmallDestinationIsRefused() =>
        Assert.Throws<ArgumentException>(() => Preprocessor.Get(PreprocessingModes.Dinov2).Write(Random(20, 20, 0), new float[3 * 224 * 223]));

    [Theory]
    [InlineData("clip")]
    [InlineData("inception-clean")]
    [InlineData("inception-legacy-pytorch")]
    [InlineData("inception-tf1")]
    public void Deterministic(string mode)
    {
        var image = Random(123, 77, 9);
        var preprocessor = Preprocessor.Get(mode);
        Assert.Equal(preprocessor.CreateBatch([image]).Data, Preprocessor.Get(mode).CreateBatch([image]).Data);
    }

    [Fact]
    public void InceptionModesDifferFromEachOther()
    {
        // Guards against two modes silently sharing one pipeline.
        var image = Random(64, 48, 3);
        var clean = Preprocessor.Get(PreprocessingModes.InceptionClean).CreateBatch([image]).Data;
        var legacy = Preprocessor.Get(PreprocessingModes.InceptionLegacyPytorch).CreateBatch([image]).Data;
        var tf1 = Preprocessor.Get(PreprocessingModes.InceptionTf1).CreateBatch([image]).Data;
        Assert.NotEqual(clean, legacy);
        Assert.NotEqual(legacy, tf1);
        Assert.NotEqual(clean, tf1);
    }
}
