namespace OmniContextEval.Testing;

/// <summary>A fact that needs ../shared/reference-data; it is reported as skipped, with the reason, when that folder is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (TestPaths.SharedReferenceData is null)
            Skip = "needs ../shared/reference-data beside the clone (present in CI and on development machines)";
    }
}
