using System.Text.Json;
using System.Text.Json.Serialization;

namespace OmniContextEval.Core;

/// <summary>The JSON settings used for every file the harness writes: camelCase, invariant numbers, finite doubles only.</summary>
public static class JsonOptions
{
    public static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new FiniteNumberConverter() },
    };

    public static readonly JsonSerializerOptions Compact = new(Indented) { WriteIndented = false };
}
