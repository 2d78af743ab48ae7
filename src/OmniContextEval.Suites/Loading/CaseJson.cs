using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OmniContextEval.Core;
using OmniContextEval.Core.Cases;

namespace OmniContextEval.Suites.Loading;

/// <summary>Reads and writes case files (benchmark-cases/case.schema.json): camelCase, snake_case enum values.</summary>
public static class CaseJson
{
    /// <summary>The harness's indented settings, minus derived members that are not part of the format; Chinese and
    /// apostrophes are written as themselves, not as \u escapes.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonOptions.Indented)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropDerivedMembers } },
    };

    public static string Serialize(BenchmarkCase benchmarkCase) => JsonSerializer.Serialize(benchmarkCase, Options) + "\n";

    /// <summary>Deserializes a case that <see cref="Validation.CaseStructure"/> has already checked.</summary>
    public static BenchmarkCase Deserialize(JsonElement root) =>
        root.Deserialize<BenchmarkCase>(Options) ?? throw new JsonException("the file holds null");

    private static void DropDerivedMembers(JsonTypeInfo info)
    {
        if (info.Type != typeof(BenchmarkCase)) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
            if (info.Properties[i].Name == "englishInstruction")
                info.Properties.RemoveAt(i);
    }
}
