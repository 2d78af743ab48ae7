namespace OmniContextEval.Core.Cases;

/// <summary>
/// One benchmark case as loaded from its JSON file (format in benchmark-cases/case.schema.json).
/// Image paths are relative to the suite folder; <see cref="Suite"/> resolves them.
/// </summary>
public sealed record BenchmarkCase
{
    /// <summary>The case format version this code reads and writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Version of the case format the file was written in (see case.schema.json).</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;
    public required string Id { get; init; }
    public required Subtask Subtask { get; init; }
    public TaskGroup Group => SubtaskInfo.GroupOf(Subtask);
    public required DifficultyTier Tier { get; init; }
    /// <summary>The instruction per language code ("en", "zh"); English is always present.</summary>
    public required IReadOnlyDictionary<string, string> Instruction { get; init; }
    /// <summary>1 to 3 input images, relative to the suite folder.</summary>
    public required IReadOnlyList<string> InputImages { get; init; }
    public required IReadOnlyList<Subject> Subjects { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public IReadOnlyList<ChecklistItem> Checklist { get; init; } = [];
    /// <summary>Ground-truth composition, relative to the suite folder; null when the case has none.</summary>
    public string? ReferenceImage { get; init; }
    public required OutputSize OutputSize { get; init; }

    public string EnglishInstruction => Instruction["en"];
}

/// <summary>A character, object or scene carried from one input image into the output.</summary>
public sealed record Subject(string Name, SubjectKind Kind, int ImageIndex, PixelBox? Box = null, string? Mask = null);

/// <summary>A box in input-image pixels: left, top, width, height.</summary>
public sealed record PixelBox(int X, int Y, int Width, int Height);

/// <summary>A checkable claim about the output with contrast statements for zero-shot checking.</summary>
public sealed record ChecklistItem(ChecklistKind Kind, string Statement, IReadOnlyList<string> Contrasts);

public sealed record OutputSize(int Width, int Height);

public enum SubjectKind { Character, Object, Scene }

public enum ChecklistKind { Object, Attribute, Spatial, Action, Style }

public enum DifficultyTier { Basic, Intermediate, Advanced, Expert }

public enum TaskGroup { Single, Multiple, Scene }

/// <summary>The 8 OmniContext subtasks; <see cref="SubtaskInfo"/> maps them to published names and groups.</summary>
public enum Subtask
{
    SingleCharacter, SingleObject,
    MultiCharacter, MultiObject, MultiCharacterObject,
    SceneCharacter, SceneObject, SceneCharacterObject,
}

public static class SubtaskInfo
{
    /// <summary>The published task_type name, e.g. "multi_character_object".</summary>
    public static string PublishedName(Subtask s) => s switch
    {
        Subtask.SingleCharacter => "single_character",
        Subtask.SingleObject => "single_object",
        Subtask.MultiCharacter => "multi_character",
        Subtask.MultiObject => "multi_object",
        Subtask.MultiCharacterObject => "multi_character_object",
        Subtask.SceneCharacter => "scene_character",
        Subtask.SceneObject => "scene_object",
        Subtask.SceneCharacterObject => "scene_character_object",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    public static bool TryParse(string published, out Subtask subtask)
    {
        foreach (var s in Enum.GetValues<Subtask>())
            if (PublishedName(s) == published) { subtask = s; return true; }
        subtask = default;
        return false;
    }

    public static TaskGroup GroupOf(Subtask s) => s switch
    {
        Subtask.SingleCharacter or Subtask.SingleObject => TaskGroup.Single,
        Subtask.MultiCharacter or Subtask.MultiObject or Subtask.MultiCharacterObject => TaskGroup.Multiple,
        _ => TaskGroup.Scene,
    };
}
