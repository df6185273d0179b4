using System.Text.Encodings.Web;
using System.Text.Json;
using Negotiations.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Infrastructure;

/// <summary>
/// The API's own JSON contract (<see cref="ApiJson"/>) on the test side: answers are read as the service's typed records,
/// strictly (a member missing or unknown fails the read), and whole values are compared as the JSON they serialize to.
/// </summary>
public static class TestJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    private static readonly JsonSerializerOptions Indented = Create(indented: true);

    /// <summary>A value as the API would write it, on one line.</summary>
    public static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);

    /// <summary>A value as the JSON element the API would write for it (null as JSON null).</summary>
    public static JsonElement Element(object? value) => JsonSerializer.SerializeToElement(value, Options);

    /// <summary>JSON read as <typeparamref name="T"/> with the API's strict rules.</summary>
    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The answer is null, not a {typeof(T).Name}: {json}");

    /// <summary>
    /// The same value, member for member: both are compared as the JSON they serialize to, since records holding lists
    /// (or JsonElements read from an answer) do not compare by value. Failures show both sides indented.
    /// </summary>
    public static void AssertSame(object expected, object actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, expected.GetType(), Indented), JsonSerializer.Serialize(actual, actual.GetType(), Indented));

    /// <summary>
    /// The answer, exactly as written, is <paramref name="expected"/> as the API writes it: the same members, in the same
    /// order, with the same values. For the tests whose point is the JSON shape itself.
    /// </summary>
    public static void AssertWritten(object expected, JsonElement answer) =>
        Assert.Equal(JsonSerializer.Serialize(expected, expected.GetType(), Indented), JsonSerializer.Serialize(answer, Indented));

    /// <summary>
    /// The API's options, minus the request-only guard against NUL characters (an answer may quote a refused member that
    /// held one). Compared values are written with relaxed escaping, so that a text and a date write their characters alike.
    /// </summary>
    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions { WriteIndented = indented };
        ApiJson.Configure(options);
        options.Converters.Remove(options.Converters.OfType<TextWithoutNul>().Single());
        if (indented)
        {
            options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        }

        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
