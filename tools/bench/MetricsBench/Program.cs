// Harness vs bare ONNX Runtime on the same graph, in one process, alternating rounds so that a shared machine's
// load hits both alike; then FID from two 2048-d statistics. Usage:
//   dotnet run -c Release --project tools/bench/MetricsBench -- MODELS_DIR [ROUNDS] [GFLOP_INCEPTION GFLOP_ALEX256]
// MODELS_DIR: tools/make-test-models.py --full output plus lpips_v0.1_lin_weights.json. FLOPs per image come from
// tools/bench-metrics-pytorch.py (printed there); without them GFLOP/s is not shown.
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using OmniContextEval.Imaging;
using OmniContextEval.Imaging.Preprocessing;
using OmniContextEval.Metrics.Fid;
using OmniContextEval.Metrics.Lpips;
using OmniContextEval.Metrics.Networks;

var models = args[0];
int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
double gflopInception = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 0;
double gflopAlex = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0;
const int Batch = 16, Threads = 2;

var rng = new Random(1);
RgbImage RandomImage(int w, int h)
{
    var p = new byte[w * h * 3];
    rng.NextBytes(p);
    return new RgbImage(w, h, p);
}

var inceptionImages = Enumerable.Range(0, Batch).Select(_ => RandomImage(299, 299)).ToArray();
var lpipsImages = Enumerable.Range(0, Batch).Select(_ => RandomImage(256, 256)).ToArray();

using var inception = OnnxNetwork.Open(models, "inception-v3-fid", Threads);
var extractor = new InceptionFeatureExtractor(inception, Preprocessor.Get(PreprocessingModes.InceptionClean), Batch);
using var bareInception = BareSession(Path.Combine(models, inception.Entry.File));
var inceptionInput = Preprocessor.Get(PreprocessingModes.InceptionClean).CreateBatch(inceptionImages).Data;

using var alex = LpipsScorer.Open(models, "alex", Threads);
using var alexTaps = OnnxNetwork.Open(models, "lpips-alex", Threads);
using var bareAlex = BareSession(Path.Combine(models, "lpips-alex.onnx"));
var alexInput = LpipsScorer.Input.CreateBatch(lpipsImages).Data;

// Warm-up
extractor.FromImages(inceptionImages);
RunBare(bareInception, inceptionInput, [Batch, 3, 299, 299]);
alexTaps.Run(alexInput, [Batch, 3, 256, 256]);
RunBare(bareAlex, alexInput, [Batch, 3, 256, 256]);

var times = new Dictionary<string, List<double>>();
void Time(string name, Action action)
{
    var sw = Stopwatch.StartNew();
    action();
    (times.TryGetValue(name, out var list) ? list : times[name] = []).Add(sw.Elapsed.TotalSeconds);
}
for (int r = 0; r < rounds; r++)
{
    Time("inception bare ORT", () => RunBare(bareInception, inceptionInput, [Batch, 3, 299, 299]));
    Time("inception harness (preprocess clean + run + finite check)", () => extractor.FromImages(inceptionImages));
    Time("alex taps bare ORT", () => RunBare(bareAlex, alexInput, [Batch, 3, 256, 256]));
    Time("alex taps harness (lpips preprocess + run, batch 16)", () => { LpipsScorer.Input.CreateBatch(lpipsImages); alexTaps.Run(alexInput, [Batch, 3, 256, 256]); });
    Time("alex LPIPS harness (8 pairs: preprocess + taps + distance)", () => { for (int i = 0; i < Batch; i += 2) alex.Distance(lpipsImages[i], lpipsImages[i + 1]); });
}
Console.WriteLine($"batch {Batch}, {Threads} intra-op threads, {rounds} alternating rounds; median seconds per batch of {Batch} images");
foreach (var (name, list) in times)
{
    double median = list.Order().ElementAt(list.Count / 2), ips = Batch / median;
    double gflop = name.StartsWith("inception") ? gflopInception : gflopAlex;
    var flops = gflop > 0 ? $"  {ips * gflop,7:F1} GFLOP/s" : "";
    Console.WriteLine($"{name,-62} {ips,8:F1} img/s{flops}");
}
Ratio("inception harness / bare", "inception harness (preprocess clean + run + finite check)", "inception bare ORT");
Ratio("alex taps harness / bare", "alex taps harness (lpips preprocess + run, batch 16)", "alex taps bare ORT");

// FID from two 2048-d statistics
var statsA = RandomStatistics(2048, 2300, 0.0);
var statsB = RandomStatistics(2048, 2300, 0.1);
for (int r = 0; r < 2; r++)
{
    var sw = Stopwatch.StartNew();
    var fid = FrechetDistance.Compute(statsA, statsB);
    Console.WriteLine($"FID from two 2048-d statistics: {sw.Elapsed.TotalSeconds:F2} s (value {fid.Value:F4})");
}
return;

void Ratio(string label, string harness, string bare)
{
    double h = times[harness].Order().ElementAt(rounds / 2), b = times[bare].Order().ElementAt(rounds / 2);
    Console.WriteLine($"{label}: {b / h:P1} of bare ONNX Runtime throughput");
}

static InferenceSession BareSession(string path) => new(path, new SessionOptions
{
    IntraOpNumThreads = Threads, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
    GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
});

static void RunBare(InferenceSession session, float[] input, long[] shape)
{
    using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
    using var options = new RunOptions();
    using var outputs = session.Run(options, [session.InputMetadata.Keys.First()], [value], session.OutputMetadata.Keys.ToArray());
}

FeatureStatistics RandomStatistics(int d, int n, double shift)
{
    var acc = new FeatureStatisticsAccumulator(d);
    var row = new float[d];
    var r = new Random(n + (int)(shift * 100));
    for (int i = 0; i < n; i++)
    {
        for (int k = 0; k < d; k++)
            row[k] = (float)(Math.Abs(r.NextDouble() + shift) * (1 + (k % 7) * 0.1));
        acc.Add(row);
    }
    return acc.ToStatistics();
}
