using OmniContextEval.Imaging.Resize;

namespace OmniContextEval.Imaging.Tests.Resize;

public class TransposeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void Bytes_match_a_naive_transpose_and_stay_inside_their_window(int channels)
    {
        var rng = new Random(channels);
        for (var trial = 0; trial < 30; trial++)
        {
            int rows = rng.Next(1, 40), columns = rng.Next(1, 40), stride = columns * channels + rng.Next(0, 5);
            var buffer = new byte[(rows - 1) * stride + columns * channels + 8];
            rng.NextBytes(buffer);
            var source = buffer.AsSpan(4, (rows - 1) * stride + columns * channels);
            var output = new byte[rows * columns * channels + 8];
            Array.Fill(output, (byte)0xEE);
            Transpose.Pixels<byte>(source, stride, rows, columns, channels, output.AsSpan(4, rows * columns * channels));

            for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            for (var k = 0; k < channels; k++)
                Assert.Equal(source[r * stride + c * channels + k], output[4 + (c * rows + r) * channels + k]);
            Assert.All(output[..4], v => Assert.Equal(0xEE, v));
            Assert.All(output[^4..], v => Assert.Equal(0xEE, v));
        }
    }

    [Fact]
    public void Floats_match_a_naive_transpose()
    {
        var rng = new Random(2);
        int rows = 37, columns = 53;
        var source = Enumerable.Range(0, rows * columns).Select(_ => rng.NextSingle()).ToArray();
        var output = new float[rows * columns];
        Transpose.Pixels<float>(source, columns, rows, columns, 1, output);
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < columns; c++)
            Assert.Equal(source[r * columns + c], output[c * rows + r]);
    }
}
