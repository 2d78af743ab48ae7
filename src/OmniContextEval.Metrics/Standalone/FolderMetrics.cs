using OmniContextEval.Core;
using OmniContextEval.Imaging.Npy;
using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Metrics.Fid;
using OmniContextEval.Metrics.Kid;
using OmniContextEval.Metrics.Networks;
using OmniContextEval.Metrics.Numerics;
using OmniContextEval.Metrics.Measuring;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Metrics.Standalone;

/// <summary>
/// FID and KID between two image folders, as <c>omnictx metric fid|kid</c> runs them (pytorch-fid and
/// torch-fidelity style). For FID either side may be a statistics file (.npz with <c>mu</c> and <c>sigma</c>, as
/// pytorch-fid and clean-fid write them), for KID a feature file (.npy, float32 [images, dimension]) instead of a
/// folder. The models folder is resolved (<paramref name="modelsDir"/> called) only when a side is a folder.
/// </summary>
public static class FolderMetrics
{
    /// <summary>The Inception model's name in models.json.</summary>
    public const string InceptionModel = ScoringModelNames.Inception;

    public static FidRun Fid(Func<string> modelsDir, string a, string b, FidMode mode, NetworkSettings settings, CancellationToken cancel = default)
    {
        ModelSession? network = null;
        try
        {
            var failures = new List<ImageFailure>();
            FeatureStatistics Side(string path)
            {
                if (path.EndsWith(".npz", StringComparison.OrdinalIgnoreCase))
                    return StatisticsFile.Load(path);
                network ??= Open(modelsDir(), settings);
                var set = Extract(network, path, mode, settings, cancel);
                failures.AddRange(set.Failures);
                return FeatureStatistics.Of(set.Features);
            }
            var statsA = Side(a);
            var statsB = Side(b);
            if (statsA.Dimension != statsB.Dimension)
                throw new HarnessException($"{a} has {statsA.Dimension}-d statistics, {b} has {statsB.Dimension}-d");
            var score = FidScore.From(statsA, statsB, mode);
            if (!double.IsFinite(score.Value))
                throw new HarnessException($"FID of {a} and {b} is not finite even with pytorch-fid's eps retry (the statistics hold NaN or infinity)");
            return new FidRun(score, network?.Entry.Version, failures);
        }
        finally
        {
            network?.Dispose();
        }
    }

    /// <summary>Saves the statistics of the images in <paramref name="folder"/> to <paramref name="npzPath"/>.</summary>
    public static FidStatisticsRun SaveStatistics(string modelsDir, string folder, string npzPath, FidMode mode, NetworkSettings settings, CancellationToken cancel = default)
    {
        using var network = Open(modelsDir, settings);
        var set = Extract(network, folder, mode, settings, cancel);
        var stats = FeatureStatistics.Of(set.Features);
        StatisticsFile.Save(npzPath, stats);
        return new FidStatisticsRun(npzPath, stats.Count, stats.Dimension, mode.Name(), set.Failures);
    }

    public static KidRun Kid(Func<string> modelsDir, string a, string b, FidMode mode, KidOptions options, NetworkSettings settings, CancellationToken cancel = default)
    {
        ModelSession? network = null;
        try
        {
            FeatureSet Side(string path)
            {
                if (path.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
                    return new FeatureSet(ReadFeatures(path), []);
                network ??= Open(modelsDir(), settings);
                return Extract(network, path, mode, settings, cancel);
            }
            var setA = Side(a);
            var setB = Side(b);
            if (setA.Features.Dimension != setB.Features.Dimension)
                throw new HarnessException($"{a} has {setA.Features.Dimension}-d features, {b} has {setB.Features.Dimension}-d", ExitCodes.InvalidInput);
            var result = KernelInceptionDistance.Compute(setA.Features, setB.Features, options);
            return new KidRun(result, network is null ? "features" : mode.Name(), setA.Features.Rows, setB.Features.Rows, [.. setA.Failures, .. setB.Failures]);
        }
        finally
        {
            network?.Dispose();
        }
    }

    /// <summary>Features saved as a float32 .npy [images, dimension]; non-finite values are refused, naming the row.</summary>
    private static FeatureMatrix ReadFeatures(string path)
    {
        if (!File.Exists(path))
            throw new HarnessException($"{path}: feature file not found", ExitCodes.InvalidInput);
        var features = FeatureMatrix.FromNpy(NpyReader.Read(path), path);
        for (int i = 0; i < features.Rows; i++)
            foreach (var v in features.Row(i))
                if (!float.IsFinite(v))
                    throw new HarnessException($"{path}: row {i} holds a non-finite value", ExitCodes.InvalidInput);
        if (features.Rows < 2)
            throw new HarnessException($"{path}: {features.Rows} feature vectors (at least 2 needed)", ExitCodes.InvalidInput);
        return features;
    }

    private static ModelSession Open(string modelsDir, NetworkSettings settings) =>
        ModelSession.Open(modelsDir, InceptionModel, new SessionSettings(IntraOpThreads: settings.Threads));

    private static FeatureSet Extract(ModelSession network, string folder, FidMode mode, NetworkSettings settings, CancellationToken cancel)
    {
        var set = new InceptionFeatureExtractor(network, Preprocessor.Get(mode.PreprocessName()), settings.BatchSize)
            .FromFiles(ImageFiles.InFolder(folder), cancel);
        if (set.Features.Rows < 2)
            throw new HarnessException($"{folder}: {set.Features.Rows} usable images (at least 2 needed); first failure: {set.Failures.FirstOrDefault()?.Reason}");
        return set;
    }
}

/// <summary>How the networks run: images per batch and intra-op threads.</summary>
public sealed record NetworkSettings(int BatchSize = 16, int Threads = 2);

/// <summary>A FID with the Inception model version (null when both sides were statistics files) and the images left out.</summary>
public sealed record FidRun(FidScore Score, string? ModelVersion, IReadOnlyList<ImageFailure> Failures);

/// <summary>Where statistics were saved, from how many images, and the images left out.</summary>
public sealed record FidStatisticsRun(string Path, long Count, int Dimension, string Mode, IReadOnlyList<ImageFailure> Failures);

/// <summary>A KID (Inception features of the given mode) with the set sizes and the images left out.</summary>
public sealed record KidRun(KidResult Result, string Mode, int CountA, int CountB, IReadOnlyList<ImageFailure> Failures);
