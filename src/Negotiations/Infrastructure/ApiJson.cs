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
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }
}
