using OmniContextEval.Core;
using OmniContextEval.Generation.Velocity;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Generation.Networks;

/// <summary>
/// A velocity network (x_t, t, text, image) -> v run through a verified <see cref="ModelSession"/>. Input names come from the manifest entry's
/// extra fields xInput, timeInput, textInput, imageInput (the output is its first output); shapes from its inputs, with
/// the batch dimension dynamic. All requested guidance branches go through the network as one batch: cond gets the
/// instruction and the image latent, ref the negative prompt and the image latent, uncond the negative prompt and zeros.
/// </summary>
public sealed class OnnxVelocityModel : IVelocityModel
{
    private readonly ModelSession _network;
    private readonly NetworkConditioning _conditioning;
    private readonly string _x, _t, _text, _image, _output;
    private readonly long[] _latentShape;

    /// <param name="network">The velocity network's session; the caller owns it.</param>
    public OnnxVelocityModel(ModelSession network, NetworkConditioning conditioning)
    {
        _network = network;
        _conditioning = conditioning;
        var entry = network.Entry;
        string Name(string key) => entry.Extra?.GetValueOrDefault(key)
            ?? throw new HarnessException($"model {entry.Name}: extra.{key} (the name of that input) is missing from the manifest", ExitCodes.ModelError);
        (_x, _t, _text, _image) = (Name("xInput"), Name("timeInput"), Name("textInput"), Name("imageInput"));
        foreach (var name in new[] { _t, _text, _image }.Where(n => entry.Inputs.All(i => i.Name != n)))
            throw new HarnessException($"model {entry.Name}: input '{name}' is not listed in the manifest's inputs [{string.Join(", ", entry.Inputs.Select(i => i.Name))}]", ExitCodes.ModelError);
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
        using var outputs = _network.RunInPlace(
        [
            new SessionInput(_x, xs, [batch, .. _latentShape]),
            new SessionInput(_t, ts, [batch]),
            new SessionInput(_text, texts, [batch, textLength]),
            new SessionInput(_image, images, [batch, .. _latentShape]),
        ]);
        var result = outputs.Values(0);
        if (result.Length != batch * n)
            throw new HarnessException($"model {_network.Entry.Name}: output '{_output}' has {result.Length} values, expected {batch * n}", ExitCodes.ModelError);
        result.CopyTo(velocities);
    }
}
