using System.Text.Json;
using System.Text.RegularExpressions;
using OmniContextEval.Core.Cases;
using OmniContextEval.Suites.Paths;

namespace OmniContextEval.Suites.Validation;

/// <summary>
/// Checks a parsed case file against the rules of benchmark-cases/case.schema.json (required members, types,
/// allowed values, ranges, unknown members), naming the field of every problem.
/// </summary>
public sealed partial class CaseStructure
{
    private static readonly string[] Subtasks = Enum.GetValues<Subtask>().Select(SubtaskInfo.PublishedName).ToArray();
    private static readonly string[] Groups = ["single", "multiple", "scene"];
    private static readonly string[] Tiers = ["basic", "intermediate", "advanced", "expert"];
    private static readonly string[] SubjectKinds = ["character", "object", "scene"];
    private static readonly string[] ChecklistKinds = ["object", "attribute", "spatial", "action", "style"];

    private readonly string _file;
    private readonly List<ValidationIssue> _issues = [];
    private string? _caseId;

    private CaseStructure(string file) => _file = file;

    /// <summary>The problems found; empty when the file follows the schema. <paramref name="caseId"/> is the id if readable.</summary>
    public static IReadOnlyList<ValidationIssue> Check(string file, JsonElement root, out string? caseId)
    {
        var check = new CaseStructure(file);
        check.CheckCase(root);
        caseId = check._caseId;
        return check._issues;
    }

    /// <summary>Whether <paramref name="id"/> is a valid case id (also a safe file name).</summary>
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    private void CheckCase(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) { Fail("", "the file must hold one JSON object"); return; }
        if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String) _caseId = id.GetString();
        Members(root, "", ["formatVersion", "id", "subtask", "tier", "instruction", "inputImages", "subjects", "outputSize"],
            ["group", "keywords", "checklist", "referenceImage"]);
        if (Get(root, "formatVersion", "formatVersion", JsonValueKind.Number) is { } version &&
            (!version.TryGetInt32(out var v) || v != BenchmarkCase.CurrentFormatVersion))
            Fail("formatVersion", $"is {version.GetRawText()}; this harness reads format version {BenchmarkCase.CurrentFormatVersion}");
        if (GetString(root, "id", "id") is { } caseId && !IdPattern().IsMatch(caseId))
            Fail("id", $"'{caseId}' may contain only letters, digits, '_', '.' and '-' (and starts with a letter or digit)");
        OneOf(root, "subtask", "subtask", Subtasks);
        OneOf(root, "group", "group", Groups);
        OneOf(root, "tier", "tier", Tiers);
        if (root.TryGetProperty("group", out var group) && root.TryGetProperty("subtask", out var subtask) &&
            SubtaskInfo.TryParse(subtask.GetString() ?? "", out var parsed) && group.ValueKind == JsonValueKind.String &&
            Groups.Contains(group.GetString()) && group.GetString() != Groups[(int)SubtaskInfo.GroupOf(parsed)])
            Fail("group", $"'{group.GetString()}' does not match subtask {subtask.GetString()} (group {Groups[(int)SubtaskInfo.GroupOf(parsed)]})");
        if (Get(root, "instruction", "instruction", JsonValueKind.Object) is { } instruction)
        {
            if (!instruction.TryGetProperty("en", out _)) Fail("instruction.en", "is required (the English instruction)");
            foreach (var language in instruction.EnumerateObject())
                GetString(instruction, language.Name, $"instruction.{language.Name}");
        }
        Array(root, "inputImages", "inputImages", 1, 3, (item, path) => RelativePath(item, path));
        Array(root, "subjects", "subjects", 1, int.MaxValue, Subject);
        Array(root, "keywords", "keywords", 0, int.MaxValue, (item, path) => NonEmptyString(item, path));
        Array(root, "checklist", "checklist", 0, int.MaxValue, ChecklistItem);
        if (root.TryGetProperty("referenceImage", out var reference)) RelativePath(reference, "referenceImage");
        if (Get(root, "outputSize", "outputSize", JsonValueKind.Object) is { } size)
        {
            Members(size, "outputSize", ["width", "height"], []);
            Integer(size, "width", "outputSize.width", 1, 4096);
            Integer(size, "height", "outputSize.height", 1, 4096);
        }
    }

    private void Subject(JsonElement subject, string path)
    {
        if (subject.ValueKind != JsonValueKind.Object) { Fail(path, "must be an object"); return; }
        Members(subject, path, ["name", "kind", "imageIndex"], ["box", "mask"]);
        GetString(subject, "name", path + ".name");
        OneOf(subject, "kind", path + ".kind", SubjectKinds);
        Integer(subject, "imageIndex", path + ".imageIndex", 0, 2);
        if (subject.TryGetProperty("mask", out var mask)) RelativePath(mask, path + ".mask");
        if (Get(subject, "box", path + ".box", JsonValueKind.Object) is { } box)
        {
            Members(box, path + ".box", ["x", "y", "width", "height"], []);
            Integer(box, "x", path + ".box.x", 0, int.MaxValue);
            Integer(box, "y", path + ".box.y", 0, int.MaxValue);
            Integer(box, "width", path + ".box.width", 1, int.MaxValue);
            Integer(box, "height", path + ".box.height", 1, int.MaxValue);
        }
    }

    private void ChecklistItem(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object) { Fail(path, "must be an object"); return; }
        Members(item, path, ["kind", "statement", "contrasts"], []);
        OneOf(item, "kind", path + ".kind", ChecklistKinds);
        GetString(item, "statement", path + ".statement");
        Array(item, "contrasts", path + ".contrasts", 0, int.MaxValue, (c, p) => NonEmptyString(c, p));
    }

    private void Members(JsonElement obj, string path, string[] required, string[] optional)
    {
        foreach (var name in required)
            if (!obj.TryGetProperty(name, out _)) Fail(Join(path, name), "is required");
        foreach (var member in obj.EnumerateObject())
            if (!required.Contains(member.Name) && !optional.Contains(member.Name))
                Fail(Join(path, member.Name), $"is not a member of the case format (allowed: {string.Join(", ", required.Concat(optional))})");
    }

    private JsonElement? Get(JsonElement obj, string name, string path, JsonValueKind kind)
    {
        if (!obj.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == kind) return value;
        Fail(path, $"must be {Describe(kind)}, found {Describe(value.ValueKind)}");
        return null;
    }

    private string? GetString(JsonElement obj, string name, string path) =>
        obj.TryGetProperty(name, out var value) ? NonEmptyString(value, path) : null;

    private string? NonEmptyString(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String) { Fail(path, $"must be a string, found {Describe(value.ValueKind)}"); return null; }
        var text = value.GetString()!;
        if (text.Trim().Length == 0) { Fail(path, "is empty"); return null; }
        return text;
    }

    private void OneOf(JsonElement obj, string name, string path, string[] allowed)
    {
        if (GetString(obj, name, path) is { } text && !allowed.Contains(text))
            Fail(path, $"'{text}' is not one of {string.Join(", ", allowed)}");
    }

    private void Integer(JsonElement obj, string name, string path, int min, int max)
    {
        if (Get(obj, name, path, JsonValueKind.Number) is not { } value) return;
        if (!value.TryGetInt32(out var n)) Fail(path, $"{value.GetRawText()} is not an integer");
        else if (n < min || n > max) Fail(path, $"{n} is outside {min}..{(max == int.MaxValue ? "" : max)}");
    }

    private void Array(JsonElement obj, string name, string path, int min, int max, Action<JsonElement, string> item)
    {
        if (Get(obj, name, path, JsonValueKind.Array) is not { } array) return;
        var count = array.GetArrayLength();
        if (count < min || count > max)
            Fail(path, $"has {count} items; {(max == int.MaxValue ? $"at least {min}" : $"{min} to {max}")} allowed");
        var i = 0;
        foreach (var element in array.EnumerateArray()) item(element, $"{path}[{i++}]");
    }

    private void RelativePath(JsonElement value, string path)
    {
        if (NonEmptyString(value, path) is { } text && SuitePaths.SyntaxProblem(text) is { } problem) Fail(path, problem);
    }

    private void Fail(string field, string message) => _issues.Add(new ValidationIssue(_file, _caseId, field, message));

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object", JsonValueKind.Array => "an array", JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number", JsonValueKind.True or JsonValueKind.False => "a boolean", _ => "null",
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex IdPattern();
}
