using System.Runtime.InteropServices;
using System.Text;
using OmniContextEval.Core;
using OmniContextEval.Imaging.Codecs;
using OmniContextEval.Onnx;
using OmniContextEval.Onnx.Sessions;

namespace OmniContextEval.Cli.Commands;

/// <summary>What <c>omnictx doctor</c> found. <see cref="Healthy"/> is false when something the harness needs is missing.</summary>
public sealed record DoctorReport(
    string HarnessVersion,
    string Machine,
    string? OnnxRuntimeVersion,
    IReadOnlyList<string> ExecutionProviders,
    string? OnnxRuntimeError,
    IReadOnlyDictionary<string, IReadOnlyList<GpuLibraryStatus>> GpuLibraries,
    IReadOnlyList<NativeLibraryStatus> ImageLibraries,
    string ModelsFolder,
    IReadOnlyList<string> Models,
    string? ModelsNote)
{
    public bool Healthy => OnnxRuntimeError is null && ImageLibraries.All(l => l.Found);

    public static DoctorReport Collect()
    {
        string? version = null, error = null;
        IReadOnlyList<string> providers = [];
        try
        {
            version = OrtProbe.RuntimeVersion;
            providers = OrtProbe.AvailableProviders;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            error = $"ONNX Runtime could not be loaded: {e.GetBaseException().Message}";
        }
        var machine = $"{RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} cores, .NET {Environment.Version}";
        var (folder, models, note) = FindModels();
        var gpu = new[] { ExecutionDevice.Cuda, ExecutionDevice.TensorRt }
            .ToDictionary(SessionSettings.NameOf, d => Onnx.Sessions.GpuLibraries.Probe(d));
        return new DoctorReport(HarnessInfo.Version, machine, version, providers, error, gpu, NativeImageLibraries.Probe(), folder, models, note);
    }

    /// <summary>The models folder that commands would use and what its manifest lists; none is a valid answer.</summary>
    private static (string Folder, IReadOnlyList<string> Models, string? Note) FindModels()
    {
        var folder = Onnx.Models.ModelsFolder.Resolve(null);
        if (!Directory.Exists(folder)) return (folder, [], "folder does not exist: network metrics will not be computed");
        try { return (folder, Onnx.Models.ModelManifest.Load(folder).Models.Select(m => $"{m.Name} ({m.Version})").ToList(), null); }
        catch (HarnessException e) { return (folder, [], e.Message); }
    }

    public string ToText()
    {
        var text = new StringBuilder();
        text.AppendLine($"omnictx {HarnessVersion}");
        text.AppendLine($"machine              {Machine}");
        text.AppendLine($"ONNX Runtime         {OnnxRuntimeVersion ?? "not loaded"}");
        if (OnnxRuntimeError is not null) text.AppendLine($"  error: {OnnxRuntimeError}");
        text.AppendLine($"execution providers  {(ExecutionProviders.Count == 0 ? "none" : string.Join(", ", ExecutionProviders))}");
        foreach (var (device, libraries) in GpuLibraries)
        {
            var missing = libraries.Count(l => !l.Loads);
            text.AppendLine($"--device {device,-12} {(missing == 0 ? "usable" : $"unusable here: {missing} of {libraries.Count} libraries missing")}");
            foreach (var lib in libraries)
                text.AppendLine($"  {lib.Library,-36} {(lib.Loads ? "found" : "missing")}  {lib.What}");
        }
        text.AppendLine("image libraries");
        foreach (var lib in ImageLibraries)
            text.AppendLine($"  {lib.Name,-18} {(lib.Found ? "found" : "MISSING")}  {lib.FileName}{(lib.Error is null ? "" : "  " + lib.Error)}");
        text.AppendLine($"models folder        {ModelsFolder}");
        text.AppendLine($"models               {(Models.Count == 0 ? "none" : string.Join(", ", Models))}{(ModelsNote is null ? "" : "  (" + ModelsNote + ")")}");
        text.AppendLine(Healthy ? "status               ok" : "status               problems found (see above)");
        return text.ToString();
    }
}
