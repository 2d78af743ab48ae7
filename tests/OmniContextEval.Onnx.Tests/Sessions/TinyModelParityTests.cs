using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;
using OmniContextEval.Imaging.Npy;
using OmniContextEval.Onnx.Tests.Models;

namespace OmniContextEval.Onnx.Tests.Sessions;

/// <summary>
/// The tiny fixture networks through ONNX Runtime against PyTorch's outputs on the same weights and inputs
/// (written by tools/make-test-models.py --tiny). Tolerance: cosine within 1e-5 (metrics-reference.md) and
/// each value within 1e-4 absolute.
/// </summary>
public sealed class TinyModelParityTests : IDisposable
{
    private readonly ModelSessionPool pool = new(ModelRegistry.Open(FixedInputs.TinyModels), new SessionSettings(IntraOpThreads: 2));

    [Theory]
    [InlineData("clip-vit-b32-image", 0, "image_embeds")]
    [InlineData("dinov2-vits14", 0, "cls_token")]
    [InlineData("dinov2-vits14", 1, "patch_tokens")]
    public void Image_model_matches_pytorch(string model, int output, string outputName)
    {
        var actual = pool.Get(model).Run(FixedInputs.Pixels(3), 3)[output];
        AssertClose(NpyReader.Read(FixedInputs.Reference(model, outputName)).AsFloat32().ToArray(), actual, rowLength: pool.Get(model).OutputItemSizes[output] / RowsPerItem(output, model));
    }

    [Fact]
    public void Clip_text_model_matches_pytorch()
    {
        var ids = NpyReader.Read(FixedInputs.Reference("clip-vit-b32-text", "input_ids")).AsFloat32().ToArray().Select(v => (long)v).ToArray();
        var actual = pool.Get("clip-vit-b32-text").Run(ids, new long[] { 3, 77 })[0].Values; // the full context; the sequence axis is free
        AssertClose(NpyReader.Read(FixedInputs.Reference("clip-vit-b32-text", "text_embeds")).AsFloat32().ToArray(), actual, pool.Get("clip-vit-b32-text").OutputItemSizes[0]);
    }

    [Theory]
    [InlineData("clip-vit-b32-image")]
    [InlineData("dinov2-vits14")]
    public void Outputs_do_not_depend_on_batch_size(string model)
    {
        var session = pool.Get(model);
        var together = session.Run(FixedInputs.Pixels(3), 3);
        for (var item = 0; item < 3; item++)
        {
            var alone = session.Run(FixedInputs.Pixels(1, first: item), 1);
            for (var o = 0; o < together.Length; o++)
            {
                var size = session.OutputItemSizes[o];
                var slice = together[o].AsSpan(item * size, size).ToArray();
                Assert.Equal(alone[o].Length, size);
                for (var i = 0; i < size; i++)
                    Assert.True(slice[i] == alone[o][i], $"{model} output {o} item {item} value {i}: batch 3 {slice[i]}, batch 1 {alone[o][i]}");
            }
        }
    }

    [Fact]
    public void Repeated_runs_are_bit_identical()
    {
        var session = pool.Get("dinov2-vits14");
        var first = session.Run(FixedInputs.Pixels(2), 2);
        var second = session.Run(FixedInputs.Pixels(2), 2);
        Assert.Equal(first[0], second[0]);
        Assert.Equal(first[1], second[1]);
    }

    public void Dispose() => pool.Dispose();

    private static int RowsPerItem(int output, string model) => model == "dinov2-vits14" && output == 1 ? 256 : 1;

    private static void AssertClose(float[] expected, float[] actual, int rowLength)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var row = 0; row < actual.Length / rowLength; row++)
        {
            var e = expected.AsSpan(row * rowLength, rowLength);
            var a = actual.AsSpan(row * rowLength, rowLength);
            double dot = 0, ee = 0, aa = 0;
            for (var i = 0; i < rowLength; i++)
            {
                Assert.True(Math.Abs(e[i] - a[i]) <= 1e-4, $"row {row} value {i}: PyTorch {e[i]}, ONNX Runtime {a[i]}");
                dot += e[i] * a[i]; ee += e[i] * e[i]; aa += a[i] * a[i];
            }
            var cosine = dot / Math.Sqrt(ee * aa);
            Assert.True(1 - cosine <= 1e-5, $"row {row}: cosine to PyTorch {cosine}");
        }
    }
}
