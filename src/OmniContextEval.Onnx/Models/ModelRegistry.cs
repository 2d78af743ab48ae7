using OmniContextEval.Core;

namespace OmniContextEval.Onnx.Models;

/// <summary>
/// The networks of one models folder, by name. Unknown names are rejected with the list of names that exist.
/// Loading is cheap (the manifest only); files are checked by <see cref="ModelVerifier"/>.
/// </summary>
public sealed class ModelRegistry
{
    private ModelRegistry(string folder, ModelManifest manifest)
    {
        Folder = folder;
        Manifest = manifest;
    }

    /// <summary>The absolute models folder.</summary>
    public string Folder { get; }
    public ModelManifest Manifest { get; }
    public IReadOnlyList<ModelEntry> Models => Manifest.Models;

    /// <summary>Loads <c>models.json</c> from the folder; a missing folder is a <see cref="ExitCodes.ModelError"/> naming it.</summary>
    public static ModelRegistry Open(string folder)
    {
        folder = Path.GetFullPath(folder);
        if (!Directory.Exists(folder))
            throw new ModelsFolderNotFoundException(folder);
        return new ModelRegistry(folder, ModelManifest.Load(folder));
    }

    /// <summary>A registry with no models, for a run whose models folder does not exist (every network then counts as absent).</summary>
    public static ModelRegistry Empty(string folder) => new(Path.GetFullPath(folder), new ModelManifest(ModelManifest.CurrentSchemaVersion, []));

    /// <summary>Opens the folder that <see cref="ModelsFolder.Resolve"/> picks for the command-line value.</summary>
    public static ModelRegistry OpenResolved(string? commandLineValue) => Open(ModelsFolder.Resolve(commandLineValue));

    public bool Contains(string name) => Manifest.Find(name) is not null;

    /// <summary>The entry named <paramref name="name"/>, or a <see cref="ExitCodes.ModelError"/> listing the names that exist.</summary>
    public ModelEntry Get(string name) =>
        Manifest.Find(name) ?? throw new HarnessException(
            $"model '{name}' is not in {Path.Combine(Folder, ModelManifest.FileName)} (models there: {string.Join(", ", Models.Select(m => m.Name))})",
            ExitCodes.ModelError);

    /// <summary>The absolute path of the entry's ONNX file.</summary>
    public string PathOf(ModelEntry entry) => Path.Combine(Folder, entry.File);

    /// <summary>The absolute path of a side file the entry names in <see cref="ModelEntry.Extra"/> (e.g. "vocabulary").</summary>
    public string? ExtraFilePath(ModelEntry entry, string key) =>
        entry.Extra is not null && entry.Extra.TryGetValue(key, out var file) ? Path.Combine(Folder, file) : null;
}
