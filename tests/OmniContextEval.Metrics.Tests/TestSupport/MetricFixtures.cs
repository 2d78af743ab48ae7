using System.Text.Json;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Npy;
using OmniContextEval.Metrics.Numerics;

namespace OmniContextEval.Metrics.Tests.TestSupport;

/// <summary>Committed fixtures: tiny models (tests/fixtures/models) and expected values (tests/fixtures/metrics).</summary>
public static class MetricFixtures
{
    public static string ModelsDir => TestPaths.Fixture("models");

    /// <summary>Sessions on the tiny fixture models, shared by the tests (2 intra-op threads).</summary>
    public static Onnx.Sessions.ModelSessionPool Pool { get; } =
        new(Onnx.Models.ModelRegistry.Open(ModelsDir), new Onnx.Sessions.SessionSettings(IntraOpThreads: 2));

    public static JsonElement Json(params string[] parts) =>
        JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture(parts))).RootElement;

    public static JsonElement Expected(string file) => Json("metrics", file);

    public static JsonElement ModelReference(string model) => Json("models", "reference", model + ".json");

    public static FeatureMatrix Features(string file) =>
        FeatureMatrix.FromNpy(NpyReader.Read(TestPaths.Fixture("metrics", file)), file);

    public static RgbImage PixelImage(string file)
    {
        var array = NpyReader.Read(TestPaths.Fixture("metrics", file));
        return new RgbImage(array.Shape[1], array.Shape[0], array.AsUInt8().ToArray());
    }

    public static float[][] Rows(JsonElement matrix) =>
        matrix.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();

    public static float[] Flatten(JsonElement nested)
    {
        var values = new List<float>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Array)
                foreach (var child in e.EnumerateArray())
                    Walk(child);
            else
                values.Add(e.GetSingle());
        }
        Walk(nested);
        return values.ToArray();
    }
}
