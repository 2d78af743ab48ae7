using OmniContextEval.Core;
using OmniContextEval.Generation.Adapters;
using OmniContextEval.Generation.Noise;
using OmniContextEval.Generation.Sampling;
using OmniContextEval.Onnx.Models;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Generation.Networks;

/// <summary>
/// Generates with an ONNX velocity network named in a models folder: text from <see cref="HashedTextEmbedding"/>, the
/// input images as panels through the VAE encoder (extra.vaeEncoder) into the image latent, Philox noise keyed by
/// (seed, case id), <see cref="FlowSampler"/>, then the VAE decoder (extra.vaeDecoder) and a resize to the output size.
/// Without a decoder the latent must itself be a [3, H, W] image. One request at a time; ONNX Runtime uses the cores.
/// The networks are opened (and verified against the manifest) through one <see cref="ModelSessionPool"/> it owns.
/// </summary>
public sealed class OnnxImageGenerator : IImageGenerator, IDisposable
{
    private readonly ModelSessionPool _sessions;
    private readonly ModelSession _network;
    private readonly ModelSession? _encoder, _decoder;
    private readonly SamplerOptions _options;
    private readonly ImageLoading _loading;
    private readonly int _textLength;

    /// <param name="settings">Device and threads of the sessions; null takes <see cref="SessionSettings.Default"/> (CPU, every core, sequential graph).</param>
    public OnnxImageGenerator(string modelsDirectory, string modelName, SamplerOptions options, ImageLoading? loading = null, SessionSettings? settings = null)
    {
        _sessions = new ModelSessionPool(ModelRegistry.Open(modelsDirectory), settings ?? SessionSettings.Default);
        try
        {
            _network = _sessions.Get(modelName);
            var extra = _network.Entry.Extra ?? new Dictionary<string, string>();
            _encoder = extra.TryGetValue("vaeEncoder", out var e) ? _sessions.Get(e) : null;
            _decoder = extra.TryGetValue("vaeDecoder", out var d) ? _sessions.Get(d) : null;
            foreach (var vae in new[] { _encoder, _decoder }.OfType<ModelSession>().Where(v => v.Entry.Inputs.Count != 1))
                throw new HarnessException($"model {modelName}: VAE '{vae.Entry.Name}' must take one input, the manifest lists [{string.Join(", ", vae.Entry.Inputs.Select(i => i.Name))}]", ExitCodes.ModelError);
            var textName = extra.GetValueOrDefault("textInput") ?? throw new HarnessException($"model {modelName}: extra.textInput is missing", ExitCodes.ModelError);
            _textLength = (int)(_network.Entry.Inputs.FirstOrDefault(i => i.Name == textName)?.Shape.LastOrDefault() ?? 0);
            if (_textLength <= 0) throw new HarnessException($"model {modelName}: input '{textName}' needs a fixed last dimension", ExitCodes.ModelError);
        }
        catch
        {
            _sessions.Dispose();
            throw;
        }
        _options = options;
        _loading = loading ?? ImageLoading.Default;
        var hashes = string.Join("+", new[] { _network, _encoder, _decoder }.Where(m => m is not null).Select(m => m!.Sha256[..16]));
        Identity = SamplerIdentity.Describe("onnx", "onnx/1", hashes, options, modelName);
    }

    public GeneratorIdentity Identity { get; }
    public int BatchSize => 1;
    public int Parallelism => 1;

    public Task<IReadOnlyList<GenerationOutcome>> GenerateAsync(IReadOnlyList<GenerationRequest> batch, CancellationToken cancellation) =>
        Task.Run<IReadOnlyList<GenerationOutcome>>(() => batch.Select(r => Generate(r, cancellation)).ToList(), cancellation);

    private GenerationOutcome Generate(GenerationRequest request, CancellationToken cancellation)
    {
        float[]? latent = null;
        if (request.Case.InputImages.Count > 0)
        {
            try { latent = EncodeInputs(request); }
            catch (HarnessException ex) { return GenerationOutcome.Failed($"case {request.Case.Id}: {ex.Message}"); }
        }
        var text = HashedTextEmbedding.Embed(request.Case.EnglishInstruction, _textLength);
        var model = new OnnxVelocityModel(_network, new NetworkConditioning(text, new float[_textLength], latent));
        var x = GaussianNoise.Create(model.StateLength, (ulong)request.Seed, request.Case.Id);
        var shape = model.LatentShape;
        new FlowSampler(_options).Run(model, x, shape[^1] * shape[^2], cancellation);
        var pixels = _decoder is null ? x : FirstOutput(_decoder, x, [1, .. shape]);
        var (h, w) = ImageSize(_decoder?.Entry.Outputs[0].Shape ?? [1, .. shape]);
        return GenerationOutcome.Ok(PlanarImage.FromPlanar(pixels, w, h, request.Width, request.Height));
    }

    private float[] EncodeInputs(GenerationRequest request)
    {
        var images = request.Case.InputImages.Select((_, i) => _loading.LoadFile(request.InputPath(i))).ToList();
        var (h, w) = ImageSize(_encoder?.Entry.Inputs[0].Shape ?? _network.Entry.Inputs[0].Shape);
        var planar = PlanarImage.PanelsToPlanar(images, w, h);
        return _encoder is null ? planar : FirstOutput(_encoder, planar, [1, 3, h, w]);
    }

    /// <summary>Runs a VAE half (one input) and copies its first output.</summary>
    private static float[] FirstOutput(ModelSession network, float[] input, long[] shape)
    {
        using var outputs = network.RunInPlace(input, shape);
        return outputs.Values(0).ToArray();
    }

    private (int Height, int Width) ImageSize(IReadOnlyList<long> shape) =>
        shape.Count == 4 && shape[1] == 3 && shape[2] > 0 && shape[3] > 0
            ? ((int)shape[2], (int)shape[3])
            : throw new HarnessException($"model {_network.Entry.Name}: expected an image tensor [N, 3, H, W], got [{string.Join(", ", shape)}]", ExitCodes.ModelError);

    public void Dispose() => _sessions.Dispose();
}
