namespace OmniContextEval.Suites.Validation;

/// <summary>One problem in a suite: the file, the case (when known) and the field it concerns.</summary>
/// <param name="File">Path of the file, relative to the suite folder.</param>
/// <param name="CaseId">The case id, or null when the file could not be read far enough to know it.</param>
/// <param name="Field">JSON path of the field, e.g. <c>subjects[1].imageIndex</c>; empty for the whole file.</param>
public sealed record ValidationIssue(string File, string? CaseId, string Field, string Message)
{
    public override string ToString() =>
        $"{File}: {(CaseId is null ? "" : $"case {CaseId}: ")}{(Field.Length == 0 ? "" : Field + ": ")}{Message}";
}
