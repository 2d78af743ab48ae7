using System.Diagnostics;
using OmniContextEval.Metrics.Fid;
using OmniContextEval.Metrics.Kid;
using OmniContextEval.Metrics.Numerics;
using OmniContextEval.Numerics.LinearAlgebra;

namespace OmniContextEval.Bench.Fid;

/// <summary>One timed step of <see cref="FidBenchmark"/>: median wall seconds (lower is better) and the value it computed.</summary>
/// <param name="Gflop">Nominal floating-point work of the step in GFLOP (multiply and add counted apart), or null where no single count is meaningful.</param>
public sealed record FidBenchmarkStep(string Name, double MedianSeconds, double[] Seconds, double? Gflop, double Value)
{
    /// <summary>GFLOP per second at the median time (higher is better), or null.</summary>
    public double? GflopPerSecond => Gflop / MedianSeconds;
}

/// <summary>The steps of a re-score from cached features, timed in one process.</summary>
/// <param name="Threads">Threads the dense kernels were allowed (<see cref="Parallelism"/>).</param>
public sealed record FidBenchmarkResult(int Dimension, int Repetitions, int Processors, int Threads, IReadOnlyList<FidBenchmarkStep> Steps);

/// <summary>
/// Times what a re-score from the feature cache computes (the <c>omnictx bench fid</c> command): statistics of 1600
/// feature vectors, FID from two statistics (full rank: 4096 samples each; rank-deficient: 1200 each; mixed), and
/// KID of 1200 against 400 vectors. Features are synthetic, non-negative and correlated like pool3 features.
/// GFLOP counts: statistics n d^2 (one triangle), KID the three Gram matrices in full, FID at full rank the nominal
/// 8 d^3 / 3 of <see cref="SqrtProductTrace"/>; where ranks vary no count is given.
/// </summary>
public static class FidBenchmark
{
    public static FidBenchmarkResult Run(int repetitions = 3, int dimension = 2048, IProgress<string>? log = null, CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repetitions);
        var steps = new List<FidBenchmarkStep>();
        void Add(FidBenchmarkStep step)
        {
            steps.Add(step);
            log?.Report($"{step.Name}: median {step.MedianSeconds:F3} s");
        }

        var statisticsInput = SyntheticFeatures.Create(1600, dimension, seed: 1, shift: 0);
        Add(Time("statistics of 1600 vectors", repetitions, cancel, (double)statisticsInput.Rows * dimension * dimension / 1e9,
            () => FeatureStatistics.Of(statisticsInput).CovarianceTrace()));

        var full = (FeatureStatistics.Of(SyntheticFeatures.Create(4096, dimension, 2, 0)), FeatureStatistics.Of(SyntheticFeatures.Create(4096, dimension, 3, 0.05)));
        double nominal = 8.0 / 3 * Math.Pow(dimension, 3) / 1e9; // SqrtProductTrace at full rank
        Add(Time("FID full rank (4096 vs 4096 samples)", repetitions, cancel, nominal, () => FrechetDistance.Compute(full.Item1, full.Item2).Value));
        var small = (FeatureStatistics.Of(SyntheticFeatures.Create(1200, dimension, 4, 0)), FeatureStatistics.Of(SyntheticFeatures.Create(1200, dimension, 5, 0.05)));
        Add(Time("FID rank-deficient (1200 vs 1200 samples)", repetitions, cancel, null, () => FrechetDistance.Compute(small.Item1, small.Item2).Value));
        Add(Time("FID mixed (1200 vs 4096 samples)", repetitions, cancel, null, () => FrechetDistance.Compute(small.Item1, full.Item2).Value));

        var kidA = SyntheticFeatures.Create(1200, dimension, 6, 0);
        var kidB = SyntheticFeatures.Create(400, dimension, 7, 0.05);
        double gramGflop = 2.0 * dimension * ((double)kidA.Rows * kidA.Rows + (double)kidB.Rows * kidB.Rows + (double)kidA.Rows * kidB.Rows) / 1e9;
        Add(Time("KID 1200 vs 400 (100 subsets of 400)", repetitions, cancel, gramGflop, () => KernelInceptionDistance.Compute(kidA, kidB).Mean));
        return new FidBenchmarkResult(dimension, repetitions, Environment.ProcessorCount, Parallelism.MaxThreads, steps);
    }

    private static FidBenchmarkStep Time(string name, int repetitions, CancellationToken cancel, double? gflop, Func<double> step)
    {
        var seconds = new double[repetitions];
        double value = 0;
        for (int r = 0; r < repetitions; r++)
        {
            cancel.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            value = step();
            seconds[r] = watch.Elapsed.TotalSeconds;
        }
        var sorted = seconds.Order().ToArray();
        double median = repetitions % 2 == 1 ? sorted[repetitions / 2] : (sorted[repetitions / 2 - 1] + sorted[repetitions / 2]) / 2;
        return new FidBenchmarkStep(name, median, seconds, gflop, value);
    }
}
