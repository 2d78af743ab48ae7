using System.Text.Json;
using OmniContextEval.Core;
using OmniContextEval.Imaging.Npy;
using OmniContextEval.Metrics.Fid;
using OmniContextEval.Metrics.Tests.TestSupport;

namespace OmniContextEval.Integration.Tests.Cli;

/// <summary>
/// <c>omnictx metric fid|kid</c> on statistics and feature files, without a models folder, against the values
/// pytorch-fid and torch-fidelity give on the same numbers (tests/fixtures/metrics/long-tail.json).
/// </summary>
public class StatisticsFilesMetricTests
{
    private static readonly JsonElement Expected = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("metrics", "long-tail.json"))).RootElement;
    private static readonly string NoModels = Path.Combine(TestPaths.NewTempDir("no-models"), "absent");

    [Fact]
    public async Task Fid_reads_the_npz_files_pytorch_fid_and_clean_fid_write_without_a_models_folder()
    {
        // a: np.savez_compressed (clean-fid), b: np.savez (pytorch-fid); neither records a sample count.
        var (code, stdout, stderr) = await CliRunner.Run("metric", "fid", TestPaths.Fixture("metrics", "long-tail-64-a.npz"),
                                                         TestPaths.Fixture("metrics", "long-tail-64-b.npz"), "--json", "--models", NoModels);

        Assert.True(code == ExitCodes.Success, stderr);
        Assert.InRange(Relative(Value(stdout, "value"), Case("64-d, 80 vs 70 samples (committed .npz)").GetProperty("fidPytorchFid").GetDouble()), 0, 1e-9);
    }

    [Fact]
    public async Task Fid_of_long_tailed_2048_d_statistics_equals_pytorch_fid_within_1e_6()
    {
        var c = Case("full rank, 2100 vs 2100");
        var dir = TestPaths.NewTempDir("long-tail-fid");
        var (a, b) = (Path.Combine(dir, "a.npz"), Path.Combine(dir, "b.npz"));
        StatisticsFile.Save(a, FeatureStatistics.Of(LongTailFeatures.ForCase(c, "A")));
        StatisticsFile.Save(b, FeatureStatistics.Of(LongTailFeatures.ForCase(c, "B")));

        var (code, stdout, stderr) = await CliRunner.Run("metric", "fid", a, b, "--json", "--models", NoModels);

        Assert.True(code == ExitCodes.Success, stderr);
        Assert.InRange(Relative(Value(stdout, "value"), c.GetProperty("fidPytorchFid").GetDouble()), 0, 1e-6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Kid_of_feature_files_with_default_settings_equals_torch_fidelity_within_1e_6(int index)
    {
        var kid = Expected.GetProperty("kid")[index];
        var c = Expected.GetProperty("fid").EnumerateArray().Single(f =>
            f.GetProperty("rowsA").GetInt32() == kid.GetProperty("rowsA").GetInt32() && f.GetProperty("rowsB").GetInt32() == kid.GetProperty("rowsB").GetInt32()
            && f.GetProperty("dimension").GetInt32() == 2048);
        var dir = TestPaths.NewTempDir("long-tail-kid");
        var (a, b) = (Path.Combine(dir, "a.npy"), Path.Combine(dir, "b.npy"));
        foreach (var (path, side) in new[] { (a, "A"), (b, "B") })
        {
            var features = LongTailFeatures.ForCase(c, side);
            NpyWriter.WriteFloat32(path, features.Values, [features.Rows, features.Dimension]);
        }

        var (code, stdout, stderr) = await CliRunner.Run("metric", "kid", a, b, "--json", "--models", NoModels);

        Assert.True(code == ExitCodes.Success, stderr);
        Assert.InRange(Relative(Value(stdout, "mean"), kid.GetProperty("mean").GetDouble()), 0, 1e-6);
        Assert.InRange(Relative(Value(stdout, "std"), kid.GetProperty("std").GetDouble()), 0, 1e-6);
    }

    [Fact]
    public async Task A_folder_side_still_needs_the_models_folder()
    {
        var (code, _, stderr) = await CliRunner.Run("metric", "fid", TestPaths.Fixture("metrics", "long-tail-64-a.npz"), TestPaths.NewTempDir("images"), "--models", NoModels);

        Assert.Equal(ExitCodes.ModelError, code);
        Assert.Contains("does not exist (set it with --models or OMNICTX_MODELS", stderr);
    }

    private static JsonElement Case(string name) =>
        Expected.GetProperty("fid").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static double Value(string json, string field) => JsonDocument.Parse(json).RootElement.GetProperty(field).GetDouble();

    private static double Relative(double value, double expected) => Math.Abs(value - expected) / Math.Abs(expected);
}
