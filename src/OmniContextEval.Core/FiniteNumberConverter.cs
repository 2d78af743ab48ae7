using System.Text.Json;
using System.Text.Json.Serialization;

namespace OmniContextEval.Core;

/// <summary>
/// Reads and writes doubles that must be finite: a number too large for a double (1e400 reads as infinity) or a
/// non-finite value to write is a <see cref="JsonException"/>, which the readers report with the file and the field's
/// JSON path. Results, scores and raw metrics never hold NaN or infinity; what could not be computed is recorded as
/// not computed, with its reason.
/// </summary>
public sealed class FiniteNumberConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
            throw new JsonException($"expected a number, found {reader.TokenType}");
        if (!reader.TryGetDouble(out var value) || !double.IsFinite(value))
            throw new JsonException($"the number {System.Text.Encoding.UTF8.GetString(reader.ValueSpan)} is not finite as a double");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (!double.IsFinite(value))
            throw new JsonException($"a non-finite number ({value}) cannot be written; record the value as not computed instead");
        writer.WriteNumberValue(value);
    }
}
