using OmniContextEval.Generation.Native;
using OmniContextEval.Generation.Sampling;
using OmniContextEval.Imaging;

namespace OmniContextEval.Generation.Adapters;

/// <summary>
/// The built-in generator as an <see cref="IImageGenerator"/>: batches hold one case's seeds, so its candidates and
/// Gram matrix are composed once. An unreadable input image fails that case's requests, naming the case and file.
/// </summary>
public sealed class NativeImageGenerator(NativeFlowGenerator generator, Func<string, RgbImage>? loadImage = null, int? parallelism = null)
    : IImageGenerator
{
    private readonly Func<string, RgbImage> _load = loadImage ?? (path => ImageDecoder.Decode(path));

    /// <summary>The field has no weights; its "model hash" is the SHA-256 of its definition (version and signal strength).</summary>
    public GeneratorIdentity Identity { get; } = Describe(generator);

    private static GeneratorIdentity Describe(NativeFlowGenerator generator)
    {
        var settings = $"signalStrength={generator.SignalStrength.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
        var definition = System.Text.Encoding.UTF8.GetBytes($"{NativeFlowGenerator.Version};{settings}");
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(definition));
        return SamplerIdentity.Describe("native", NativeFlowGenerator.Version, hash, generator.Options, settings);
    }

    /// <summary>The runner never mixes cases in a batch, so one batch is one case's seeds.</summary>
    public int BatchSize => int.MaxValue;
    public int Parallelism { get; } = parallelism ?? Environment.ProcessorCount;

    public Task<IReadOnlyList<GenerationOutcome>> GenerateAsync(IReadOnlyList<GenerationRequest> batch, CancellationToken cancellation) =>
        Task.Run<IReadOnlyList<GenerationOutcome>>(() =>
        {
            var outcomes = new List<GenerationOutcome>();
            foreach (var group in batch.GroupBy(r => (r.Case.Id, r.Width, r.Height)))
            {
                PreparedCase prepared;
                var first = group.First();
                try
                {
                    var inputs = first.Case.InputImages.Select((_, i) => _load(first.InputPath(i))).ToList();
                    prepared = NativeFlowGenerator.Prepare(first.Case, inputs, first.Width, first.Height);
                }
                catch (Exception e) when (e is Core.HarnessException or ArgumentException)
                {
                    outcomes.AddRange(group.Select(_ => GenerationOutcome.Failed($"case {first.Case.Id}: {e.Message}")));
                    continue;
                }
                foreach (var request in group)
                    outcomes.Add(GenerationOutcome.Ok(generator.Generate(prepared, request.Seed, cancellation)));
            }
            return outcomes;
        }, cancellation);
}
