using Microsoft.ML.OnnxRuntime;
using OmniContextEval.Core;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Onnx.Tests.Sessions;

/// <summary>
/// A model with several inputs through <see cref="ModelSession"/>: the tiny DiT velocity network of
/// tests/fixtures/generation/tiny-dit (inputs x [-1,4,8,8], t [-1], text [-1,16], image [-1,4,8,8]; output v).
/// </summary>
public sealed class MultiInputSessionTests : IDisposable
{
    private static readonly string Folder = TestPaths.Fixture("generation", "tiny-dit");
    private readonly ModelSession session = ModelSession.Open(Folder, "tiny-dit-velocity", new SessionSettings(IntraOpThreads: 1));

    private static float[] Values(int count, int salt) =>
        Enumerable.Range(0, count).Select(i => (float)((i * 7919 + salt * 104729) % 1000 / 500.0 - 1.0)).ToArray();

    private static SessionInput[] Inputs(int batch, int salt = 0) =>
    [
        new("x", Values(batch * 256, salt + 1), [batch, 4, 8, 8]),
        new("t", Enumerable.Range(0, batch).Select(b => 0.1f + 0.2f * b).ToArray(), [batch]),
        new("text", Values(batch * 16, salt + 2), [batch, 16]),
        new("image", Values(batch * 256, salt + 3), [batch, 4, 8, 8]),
    ];

    [Fact]
    public void A_multi_input_run_matches_onnx_runtime_called_directly()
    {
        var inputs = Inputs(3);
        using var outputs = session.RunInPlace(inputs);
        Assert.Equal(1, outputs.Count);
        Assert.Equal([3L, 4, 8, 8], outputs.Shape(0));
        var actual = outputs.Values(0).ToArray();

        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var direct = new InferenceSession(Path.Combine(Folder, "tiny-dit-velocity.onnx"), options);
        var values = inputs.Select(i => OrtValue.CreateTensorValueFromMemory(i.Values, i.Shape)).ToArray();
        using var runOptions = new RunOptions();
        using var expected = direct.Run(runOptions, inputs.Select(i => i.Name).ToArray(), values, ["v"]);
        foreach (var v in values) v.Dispose();
        var reference = expected[0].GetTensorDataAsSpan<float>().ToArray();
        Assert.Equal(reference.Length, actual.Length);
        for (var i = 0; i < actual.Length; i++)
            Assert.True(Math.Abs(reference[i] - actual[i]) <= 1e-5, $"value {i}: direct {reference[i]}, ModelSession {actual[i]}");
    }

    [Fact]
    public void Input_order_and_batch_size_do_not_change_the_outputs()
    {
        var inputs = Inputs(2);
        using var together = session.RunInPlace(inputs);
        using var reordered = session.RunInPlace(inputs.Reverse().ToArray());
        Assert.Equal(together.Values(0).ToArray(), reordered.Values(0).ToArray());
        var second = inputs.Select(i => new SessionInput(i.Name, i.Values.AsSpan(i.Values.Length / 2).ToArray(), [1, .. i.Shape[1..]])).ToArray();
        using var alone = session.RunInPlace(second);
        Assert.Equal(together.Values(0)[256..].ToArray(), alone.Values(0).ToArray());
    }

    [Fact]
    public void Single_input_runs_on_a_multi_input_model_are_refused_naming_the_model_and_its_inputs()
    {
        var x = new float[256];
        foreach (var run in new Action[] { () => session.Run(x, 1), () => session.Run(x, [1L, 4, 8, 8]), () => session.RunInPlace(x, [1L, 4, 8, 8]).Dispose(), () => _ = session.InputItemSize })
        {
            var e = Assert.Throws<HarnessException>(run);
            Assert.Equal(ExitCodes.ModelError, e.ExitCode);
            Assert.Contains("model 'tiny-dit-velocity' has 4 inputs [x, t, text, image]", e.Message);
            Assert.Contains("RunInPlace(IReadOnlyList<SessionInput>)", e.Message);
        }
    }

    [Fact]
    public void Missing_unknown_and_misshapen_inputs_are_refused_naming_each()
    {
        var inputs = Inputs(1);
        var bad = new[]
        {
            inputs[0],
            inputs[1] with { Shape = [2] },
            new SessionInput("txt", inputs[2].Values, inputs[2].Shape),
            inputs[3] with { Shape = [1, 4, 8, 9] },
        };
        var e = Assert.Throws<HarnessException>(() => session.RunInPlace(bad).Dispose());
        Assert.Equal(ExitCodes.ModelError, e.ExitCode);
        Assert.StartsWith("model 'tiny-dit-velocity': ", e.Message);
        Assert.Contains("input 't' of shape [2] needs 2 values, given 1", e.Message);
        Assert.Contains("unknown input 'txt' (the manifest lists [x, t, text, image])", e.Message);
        Assert.Contains("input 'image' shape expected [-1,4,8,8], given [1,4,8,9]", e.Message);
        Assert.Contains("input 'text' [-1,16] not given", e.Message);
    }

    public void Dispose() => session.Dispose();
}
