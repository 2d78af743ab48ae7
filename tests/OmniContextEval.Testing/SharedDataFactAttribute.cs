namespace OmniContextEval.Testing;

/// <summary>A fact that needs ../shared/reference-data; it is reported as skipped, with the reason, when that folder is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (TestPaths.SharedReferenceData is null)
            Skip = $"needs the shared test data (CLIP vocabulary, tokenizer cases, LPIPS weights), not found at {TestPaths.SharedReferenceDataPath}; " +
                   "runs when ../shared/reference-data is beside the clone, as in CI and on development machines";
    }
}
