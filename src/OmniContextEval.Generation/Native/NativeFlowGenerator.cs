using OmniContextEval.Core.Cases;
using OmniContextEval.Generation.Compositing;
using OmniContextEval.Generation.Noise;
using OmniContextEval.Generation.Sampling;
using OmniContextEval.Generation.Velocity;
using OmniContextEval.Imaging;

namespace OmniContextEval.Generation.Native;

/// <summary>
/// The built-in, weight-free generator: the exact marginal flow toward a case's candidate compositions
/// (<see cref="CandidateComposer"/>), integrated by <see cref="FlowSampler"/> from Philox noise keyed by (seed, case id).
/// The ODE runs in the exact coordinates of <see cref="BasisMarginalVelocity"/>; full-resolution work is the Gram
/// matrix (once per case), K dot products with the noise and one reconstruction per image. Output is a pure function
/// of (case, input images, seed, options): independent of thread count and of how many images run at once.
/// <para>Signal scale: the field flows toward s y_i with s = <see cref="SignalStrength"/> / sqrt(D) (D = pixels x 3), and
/// the result is divided by s. Unscaled, the posterior log-odds between two candidates grow like ||y_i - y_j||^2 ~ D while
/// the noise enters like ||y_i - y_j|| ~ sqrt(D), so at image sizes every seed would flow to the same candidate (the one
/// nearest the candidates' centroid); scaling the data as latent models scale their latents keeps the choice with the
/// noise at any resolution. The ODE is still the exact marginal flow, of the scaled candidates.</para>
/// </summary>
public sealed class NativeFlowGenerator(SamplerOptions options, double signalStrength = NativeFlowGenerator.DefaultSignalStrength)
{
    /// <summary>Default for <see cref="SignalStrength"/>: ||s (y_i - y_j)|| of a few units, comparable to the noise's projection.</summary>
    public const double DefaultSignalStrength = 3.0;

    /// <summary>Native default guidance: milder than OmniGen2's 5 / 2, since the candidate sets differ far more than a network's branches do.</summary>
    public static readonly GuidanceSettings DefaultGuidance = new(TextScale: 1.5, ImageScale: 1.2);

    /// <summary>sqrt(D) times the signal scale; larger makes the candidate choice less dependent on the seed.</summary>
    public double SignalStrength { get; } = signalStrength;

    /// <summary>Bumped whenever the candidates or the field change, so stale outputs are regenerated.</summary>
    public const string Version = "native-marginal-flow/1";

    public SamplerOptions Options { get; } = options;

    /// <summary>Composes the candidates and their Gram matrix (parallel over pairs; each dot product is sequential).</summary>
    public static PreparedCase Prepare(BenchmarkCase @case, IReadOnlyList<RgbImage> inputs, int width, int height)
    {
        var candidates = CandidateComposer.Compose(@case, inputs, width, height);
        var targets = candidates.Targets;
        var k = targets.Count;
        var gram = new double[k, k];
        var pairs = Enumerable.Range(0, k).SelectMany(i => Enumerable.Range(i, k - i).Select(j => (i, j))).ToArray();
        Parallel.ForEach(pairs, p => gram[p.i, p.j] = gram[p.j, p.i] = PortableDot.Dot(targets[p.i], targets[p.j]));
        return new PreparedCase(@case.Id, candidates, gram, inputs.Count > 0);
    }

    /// <summary>Latent positions of a latent-diffusion model at this image size (8x downsampling), for the dynamic shift.</summary>
    public static long LatentTokens(int width, int height) => (long)Math.Max(1, width / 8) * Math.Max(1, height / 8);

    /// <summary>Generates one image in the sampler range; <paramref name="seed"/> only selects the noise.</summary>
    public float[] GenerateRaw(PreparedCase prepared, int seed, CancellationToken cancellation = default)
    {
        var set = prepared.Candidates;
        var noise = GaussianNoise.Create(set.Width * set.Height * 3, (ulong)seed, prepared.CaseId);
        var scale = SignalStrength / Math.Sqrt(noise.Length);
        var noiseDots = set.Targets.Select(y => scale * PortableDot.Dot(noise, y)).ToArray();
        var k = noiseDots.Length;
        var gram = new double[k, k];
        for (var i = 0; i < k; i++) for (var j = 0; j < k; j++) gram[i, j] = scale * scale * prepared.Gram[i, j];
        var field = new BasisMarginalVelocity(gram, noiseDots, set.Branches, prepared.HasImageCondition);
        var state = field.InitialState();
        new FlowSampler(Options).Run(field, state, LatentTokens(set.Width, set.Height), cancellation);
        var pixels = new float[noise.Length];
        BasisMarginalVelocity.Reconstruct(state, noise, set.Targets, pixels, scale);
        return pixels;
    }

    public RgbImage Generate(PreparedCase prepared, int seed, CancellationToken cancellation = default) =>
        Canvas.ToImage(GenerateRaw(prepared, seed, cancellation), prepared.Candidates.Width, prepared.Candidates.Height);
}
