using Microsoft.ML.OnnxRuntime;
using OmniContextEval.Core;
using OmniContextEval.Onnx.Models;

namespace OmniContextEval.Onnx.Sessions;

/// <summary>
/// One verified ONNX Runtime session for a manifest entry. Owns the native session; every run may be called from
/// several threads at once. Models with one input run through <see cref="Run{T}(T[], int)"/>,
/// <see cref="Run{T}(T[], long[])"/> and <see cref="RunInPlace{T}(T[], long[])"/>; models with several (e.g. a
/// velocity network taking x, t, text and image) through <see cref="RunInPlace(IReadOnlyList{SessionInput})"/>.
/// </summary>
public sealed class ModelSession : IDisposable
{
    private readonly InferenceSession session;
    private readonly string[] outputNames;

    private ModelSession(ModelEntry entry, string sha256, InferenceSession session)
    {
        Entry = entry;
        Sha256 = sha256;
        this.session = session;
        outputNames = entry.Outputs.Select(o => o.Name).ToArray();
    }

    public ModelEntry Entry { get; }
    /// <summary>The SHA-256 of the file the session was created from (equal to the manifest's).</summary>
    public string Sha256 { get; }
    /// <summary>Elements per item of each output, in manifest order (the shape without the batch axis).</summary>
    public IReadOnlyList<int> OutputItemSizes => Entry.Outputs.Select(o => ItemSize(o.Shape)).ToList();
    /// <summary>Elements per item of the input (the shape without the batch axis); models with one input only.</summary>
    public int InputItemSize => ItemSize(SingleInput().Shape);

    /// <summary>
    /// Opens the entry's file after checking presence, SHA-256 and its inputs and outputs against the manifest;
    /// any mismatch is a <see cref="ExitCodes.ModelError"/> naming the model and what was expected and found.
    /// </summary>
    public static ModelSession Open(ModelRegistry registry, ModelEntry entry, SessionSettings settings)
    {
        var path = registry.PathOf(entry);
        if (!File.Exists(path))
            new ModelCheck(entry.Name, path, null, [$"file {entry.File} is missing from {registry.Folder}"]).ThrowIfFailed();
        var sha = FileHashes.Sha256(path);
        if (!string.Equals(sha, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            new ModelCheck(entry.Name, path, sha, [$"sha256 expected {entry.Sha256}, found {sha} (file changed or corrupt)"]).ThrowIfFailed();
        var session = CreateSession(entry, path, settings);
        try
        {
            var problems = new List<string>();
            ModelVerifier.CompareSignature("input", entry.Inputs, session.InputMetadata, problems);
            ModelVerifier.CompareSignature("output", entry.Outputs, session.OutputMetadata, problems);
            new ModelCheck(entry.Name, path, sha, problems).ThrowIfFailed();
            return new ModelSession(entry, sha, session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens model <paramref name="name"/> of the models folder (see <see cref="Open(ModelRegistry, ModelEntry, SessionSettings)"/>).
    /// </summary>
    public static ModelSession Open(string modelsFolder, string name, SessionSettings settings)
    {
        var registry = ModelRegistry.Open(modelsFolder);
        return Open(registry, registry.Get(name), settings);
    }

    /// <summary>
    /// Runs <paramref name="batch"/> items laid out contiguously in <paramref name="input"/> (the manifest's fixed
    /// item shape) and returns each output (manifest order) as a new array of <c>batch * item size</c> floats.
    /// Models with one input only.
    /// </summary>
    public float[][] Run<T>(T[] input, int batch) where T : unmanaged
    {
        if (input.Length != batch * InputItemSize)
            throw new ArgumentException($"model '{Entry.Name}': expected {batch * InputItemSize} input values for batch {batch}, got {input.Length}");
        return Run(input, SingleInput().Shape.Select(d => d < 0 ? batch : d).ToArray()).Select(o => o.Values).ToArray();
    }

    /// <summary>
    /// Runs one input of the given shape (for models with free axes, e.g. image size) and returns every output with its
    /// shape. Models with one input only.
    /// </summary>
    public IReadOnlyList<TensorOutput> Run<T>(T[] input, long[] shape) where T : unmanaged
    {
        using var outputs = RunInPlace(input, shape);
        var result = new TensorOutput[outputs.Count];
        for (var i = 0; i < outputs.Count; i++)
            result[i] = new TensorOutput(outputNames[i], outputs.Values(i).ToArray(), outputs.Shape(i));
        return result;
    }

    /// <summary>
    /// Runs one input of the given shape and leaves the outputs in ONNX Runtime's memory: read what is needed
    /// (large outputs such as LPIPS taps need not be copied whole), then dispose the result. Models with one input only.
    /// </summary>
    public SessionOutputs RunInPlace<T>(T[] input, long[] shape) where T : unmanaged
    {
        var name = SingleInput().Name;
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        return new SessionOutputs(session.Run(runOptions, [name], [value], outputNames));
    }

    /// <summary>
    /// Runs a model with any number of float32 inputs, each named once (any order), and leaves the outputs in
    /// ONNX Runtime's memory (manifest order; dispose the result). A missing, unknown or repeated input, a
    /// non-float32 manifest input, or a shape that differs from the manifest's fixed dimensions or from the number
    /// of values is a <see cref="ExitCodes.ModelError"/> naming the model and the input.
    /// </summary>
    public SessionOutputs RunInPlace(IReadOnlyList<SessionInput> inputs)
    {
        CheckInputs(inputs);
        var values = new OrtValue[inputs.Count];
        try
        {
            for (var i = 0; i < inputs.Count; i++)
                values[i] = OrtValue.CreateTensorValueFromMemory(inputs[i].Values, inputs[i].Shape);
            using var runOptions = new RunOptions();
            return new SessionOutputs(session.Run(runOptions, inputs.Select(i => i.Name).ToArray(), values, outputNames));
        }
        finally
        {
            foreach (var value in values)
                value?.Dispose();
        }
    }

    public void Dispose() => session.Dispose();

    private TensorSpec SingleInput() => Entry.Inputs.Count == 1
        ? Entry.Inputs[0]
        : throw new HarnessException(
            $"model '{Entry.Name}' has {Entry.Inputs.Count} inputs [{string.Join(", ", Entry.Inputs.Select(i => i.Name))}]; a single-input run cannot feed it (name every input: RunInPlace(IReadOnlyList<SessionInput>))",
            ExitCodes.ModelError);

    private void CheckInputs(IReadOnlyList<SessionInput> inputs)
    {
        var problems = new List<string>();
        foreach (var group in inputs.GroupBy(i => i.Name).Where(g => g.Count() > 1))
            problems.Add($"input '{group.Key}' given {group.Count()} times");
        foreach (var input in inputs.DistinctBy(i => i.Name))
        {
            var spec = Entry.Inputs.FirstOrDefault(s => s.Name == input.Name);
            if (spec is null)
            {
                problems.Add($"unknown input '{input.Name}' (the manifest lists [{string.Join(", ", Entry.Inputs.Select(s => s.Name))}])");
                continue;
            }
            if (spec.ElementType != "float32")
                problems.Add($"input '{spec.Name}' takes {spec.ElementType}, given float32");
            var fits = input.Shape.Length == spec.Shape.Count && input.Shape.Zip(spec.Shape).All(p => p.Second < 0 ? p.First >= 0 : p.First == p.Second);
            if (!fits)
                problems.Add($"input '{spec.Name}' shape expected {ModelVerifier.FormatShape(spec.Shape)}, given {ModelVerifier.FormatShape(input.Shape)}");
            else if (input.Shape.Aggregate(1L, (a, d) => a * d) != input.Values.Length)
                problems.Add($"input '{spec.Name}' of shape {ModelVerifier.FormatShape(input.Shape)} needs {input.Shape.Aggregate(1L, (a, d) => a * d)} values, given {input.Values.Length}");
        }
        foreach (var spec in Entry.Inputs.Where(s => inputs.All(i => i.Name != s.Name)))
            problems.Add($"input '{spec.Name}' {ModelVerifier.FormatShape(spec.Shape)} not given");
        if (problems.Count > 0)
            throw new HarnessException($"model '{Entry.Name}': {string.Join("; ", problems)}", ExitCodes.ModelError);
    }

    private static int ItemSize(IReadOnlyList<long> shape) => checked((int)shape.Skip(1).Aggregate(1L, (a, d) => a * d));

    private static InferenceSession CreateSession(ModelEntry entry, string path, SessionSettings settings)
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = settings.IntraOpThreads,
            InterOpNumThreads = settings.InterOpThreads,
            ExecutionMode = settings.InterOpThreads > 1 ? ExecutionMode.ORT_PARALLEL : ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            ExecutionProviders.Configure(options, settings);
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new HarnessException($"model '{entry.Name}' ({path}): ONNX Runtime cannot load the file: {e.Message.Split('\n')[0]}", ExitCodes.ModelError, e);
        }
        finally
        {
            options.Dispose();
        }
    }
}
