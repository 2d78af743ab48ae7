using System.Text.Json;

namespace OmniContextEval.Generation.Adapters;

/// <summary>
/// Reads external answers without building more than they need: a JSON answer within the byte limit can still hold
/// millions of values, and each one materialised costs tens of bytes. Both readers here walk the bytes with
/// <see cref="Utf8JsonReader"/> first.
/// </summary>
public static class AnswerJson
{
    /// <summary>One HTTP answer's fields (matched case-insensitively); other properties are skipped unread.</summary>
    public sealed record HttpAnswer(byte[]? Image, string? Url, string? Error, bool HasBase64);

    /// <summary>The top-level <c>base64</c>, <c>url</c> and <c>error</c> of an answer object.</summary>
    public static HttpAnswer ReadHttpAnswer(byte[] body)
    {
        var reader = new Utf8JsonReader(body, isFinalBlock: true, state: default);
        if (!reader.Read()) throw new JsonException("empty response body");
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"the response is JSON {reader.TokenType}, not an object");
        byte[]? image = null;
        string? url = null, error = null;
        var hasBase64 = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String) { reader.Skip(); continue; }
            if (name.Equals("base64", StringComparison.OrdinalIgnoreCase))
            {
                hasBase64 = true;
                image = reader.TryGetBytesFromBase64(out var bytes) ? bytes : throw new FormatException("\"base64\" is not valid base64");
            }
            else if (name.Equals("url", StringComparison.OrdinalIgnoreCase)) url = reader.GetString();
            else if (name.Equals("error", StringComparison.OrdinalIgnoreCase)) error = reader.GetString();
        }
        return new HttpAnswer(image, url, error, hasBase64);
    }

    /// <summary>Throws when <paramref name="json"/> holds more than <paramref name="maxTokens"/> JSON tokens (or is not JSON).</summary>
    public static void CheckTokenCount(byte[] json, int maxTokens, string what)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, state: default);
        var count = 0;
        while (reader.Read())
            if (++count > maxTokens) throw new JsonException($"{what} holds more than {maxTokens} JSON values");
    }
}
