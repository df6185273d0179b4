using System.Text.Json;
using System.Text.Json.Serialization;

namespace Negotiations.Infrastructure;

/// <summary>
/// The JSON contract of the HTTP API: camelCase, enums as names, and strict reading. A request with a missing required
/// member, a null where none is allowed, an unknown member (a typo such as "ocurredOn" would otherwise be silently
/// lost) or an enum number is refused with a 400 naming the member.
/// </summary>
public static class ApiJson
{
    /// <summary>New options with the API's contract, for code that reads or writes the API's JSON itself.</summary>
    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        return options;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new TextWithoutNul());
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // {"title":"a","title":"b"} would otherwise keep "b" and silently drop "a".
        options.AllowDuplicateProperties = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }
}

/// <summary>
/// Refuses text holding U+0000: PostgreSQL cannot store it in jsonb, so accepting it would fail the write with a 500.
/// Thrown as a JsonException, it becomes a 400 naming the member like every other unreadable value.
/// </summary>
public sealed class TextWithoutNul : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && text.Contains('\0', StringComparison.Ordinal)
            ? throw new JsonException("Text must not contain the NUL character (U+0000).")
            : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
