using Microsoft.ML.OnnxRuntime;
using OmniContextEval.Core;
using OmniContextEval.Generation.Velocity;

namespace OmniContextEval.Generation.Networks;

/// <summary>
/// A velocity network (x_t, t, text, image) -> v run by ONNX Runtime. Input names come from the manifest entry's
/// extra fields xInput, timeInput, textInput, imageInput (the output is its first output); shapes from its inputs, with
/// the batch dimension dynamic. All requested guidance branches go through the network as one batch: cond gets the
/// instruction and the image latent, ref the negative prompt and the image latent, uncond the negative prompt and zeros.
/// </summary>
public sealed class OnnxVelocityModel : IVelocityModel
{
    private readonly OnnxModelFile _network;
    private readonly NetworkConditioning _conditioning;
    private readonly string _x, _t, _text, _image, _output;
    private readonly long[] _latentShape;

    public OnnxVelocityModel(OnnxModelFile network, NetworkConditioning conditioning)
    {
        _network = network;
        _conditioning = conditioning;
        var entry = network.Entry;
        string Name(string key) => entry.Extra?.GetValueOrDefault(key)
            ?? throw new HarnessException($"model {entry.Name}: extra.{key} (the name of that input) is missing from the manifest", ExitCodes.ModelError);
        (_x, _t, _text, _image) = (Name("xInput"), Name("timeInput"), Name("textInput"), Name("imageInput"));
        _output = entry.Outputs[0].Name;
        var x = entry.Inputs.FirstOrDefault(i => i.Name == _x)
            ?? throw new HarnessException($"model {entry.Name}: input '{_x}' is not listed in the manifest's inputs", ExitCodes.ModelError);
        _latentShape = x.Shape.Skip(1).ToArray();
        if (_latentShape.Any(d => d <= 0))
            throw new HarnessException($"model {entry.Name}: input '{_x}' needs fixed non-batch dimensions, has [{string.Join(", ", x.Shape)}]", ExitCodes.ModelError);
        StateLength = (int)_latentShape.Aggregate(1L, (a, b) => a * b);
        if (conditioning.ImageLatent is { } latent && latent.Length != StateLength)
            throw new HarnessException($"model {entry.Name}: image latent has {latent.Length} values, the network takes {StateLength}", ExitCodes.ModelError);
    }

    public int StateLength { get; }
    public bool HasImageCondition => _conditioning.ImageLatent is not null;
    /// <summary>The latent's shape without the batch dimension, e.g. [4, 8, 8].</summary>
    public IReadOnlyList<long> LatentShape => _latentShape;

    public void Evaluate(ReadOnlySpan<float> x, float t, ReadOnlySpan<GuidanceBranch> branches, Span<float> velocities)
    {
        var batch = branches.Length;
        var n = StateLength;
        var textLength = _conditioning.Text.Length;
        var xs = new float[batch * n];
        var ts = new float[batch];
        var texts = new float[batch * textLength];
        var images = new float[batch * n];
        for (var b = 0; b < batch; b++)
        {
            x.CopyTo(xs.AsSpan(b * n));
            ts[b] = t;
            (branches[b] == GuidanceBranch.Conditional ? _conditioning.Text : _conditioning.NegativeText).CopyTo(texts.AsSpan(b * textLength));
            if (branches[b] != GuidanceBranch.Unconditional) _conditioning.ImageLatent?.CopyTo(images.AsSpan(b * n));
        }
        using var xValue = OrtValue.CreateTensorValueFromMemory(xs, [batch, .. _latentShape]);
        using var tValue = OrtValue.CreateTensorValueFromMemory(ts, [batch]);
        using var textValue = OrtValue.CreateTensorValueFromMemory(texts, [batch, textLength]);
        using var imageValue = OrtValue.CreateTensorValueFromMemory(images, [batch, .. _latentShape]);
        using var runOptions = new RunOptions();
        using var outputs = _network.Session.Run(runOptions, [_x, _t, _text, _image], [xValue, tValue, textValue, imageValue], [_output]);
        var result = outputs[0].GetTensorDataAsSpan<float>();
        if (result.Length != batch * n)
            throw new HarnessException($"model {_network.Entry.Name}: output '{_output}' has {result.Length} values, expected {batch * n}", ExitCodes.ModelError);
        result.CopyTo(velocities);
    }
}
