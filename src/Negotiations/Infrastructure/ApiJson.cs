using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
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

    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> Reading = new();

    /// <summary>
    /// The options a request body is read with: the API's, plus <see cref="ExactDecimal"/>. That converter stays out of
    /// the shared options because a custom converter hides the numbers' type from the OpenAPI schema.
    /// </summary>
    public static JsonSerializerOptions ForReading(JsonSerializerOptions options) =>
        Reading.GetValue(options, shared => new JsonSerializerOptions(shared) { Converters = { new ExactDecimal() } });

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

/// <summary>
/// Reads a JSON number into a decimal only when the decimal holds it exactly: a number with more significant digits
/// than a decimal keeps (28–29), or so small it would become 0, is refused rather than silently rounded. Thrown as a
/// JsonException, it becomes a 400 naming the member. Numbers a decimal cannot hold at all (1e400) and non-numbers get
/// the serializer's usual refusal.
/// </summary>
public sealed class ExactDecimal : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var value))
        {
            throw new JsonException();
        }

        var text = reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence) : Encoding.UTF8.GetString(reader.ValueSpan);
        return Digits(text) == Digits(value.ToString(CultureInfo.InvariantCulture))
            ? value
            : throw new JsonException($"The number {Shortened(text)} has more digits than a decimal holds (at most 28 significant digits); it would be rounded.");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>
    /// A number's value as its significant digits and the power of ten of the last one ("-1.50e2" → "-15e1"; zero → "0"),
    /// so that two spellings of one number compare equal.
    /// </summary>
    private static string Digits(string number)
    {
        var exponentAt = number.IndexOfAny(['e', 'E']);
        var exponent = 0;
        if (exponentAt >= 0 && !int.TryParse(number.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            throw new JsonException();
        }

        var mantissa = exponentAt < 0 ? number : number[..exponentAt];
        var negative = mantissa.StartsWith('-');
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.TrimStart('-').Replace(".", "", StringComparison.Ordinal);
        if (point >= 0)
        {
            exponent -= mantissa.Length - point - 1;
        }

        var significant = digits.TrimStart('0');
        var trimmed = significant.TrimEnd('0');
        if (trimmed.Length == 0)
        {
            return "0";
        }

        exponent += significant.Length - trimmed.Length;
        return $"{(negative ? "-" : "")}{trimmed}e{exponent}";
    }

    private static string Shortened(string text) => text.Length <= 40 ? text : $"{text[..37]}...";
}
