using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Negotiations.Infrastructure;

/// <summary>
/// Typed query strings: a route declares its parameters as a record (one constructor parameter each, camelCase on the
/// wire, defaults as parameter defaults, ranges with <see cref="RangeAttribute"/>, allowed texts with
/// <see cref="AllowedValuesAttribute"/>) and gets it bound here, with every bad or unknown parameter named in a 400.
/// Hand-written rather than Wolverine's <c>[FromQuery]</c> binding, which ignores unknown keys and answers a bad value
/// with a problem that names no field in <c>errors</c>. A type of a route's own parses through its static
/// <c>TryParse(string, out T)</c> and says what it expects in a <c>const string Expected</c>, as minimal APIs do. A
/// parameter typed as an array (<c>DealStatus[]</c>) takes several values, repeated (<c>status=A&amp;status=B</c>) or as a
/// comma list (<c>status=A,B</c>), each parsed as its element type; every other parameter is given at most once.
/// </summary>
public static partial class QueryParameters
{
    /// <summary>The record bound from the query string, or null after adding every error to <paramref name="errors"/>.</summary>
    public static T? Bind<T>(IQueryCollection query, ValidationErrors errors) where T : class
    {
        var (constructor, parameters) = Shape<T>.Value;
        var known = parameters.Select(p => p.Name).ToArray();
        foreach (var unknown in query.Keys.Except(known, StringComparer.Ordinal))
        {
            errors.Add(unknown, $"'{unknown}' is not a parameter here; known: {string.Join(", ", known)}.");
        }

        var values = parameters.Select(p => !query.TryGetValue(p.Name, out var given) ? p.Missing(errors)
            : p.IsList ? List(p, given, errors) : Single(p, given, errors)).ToArray();
        return errors.IsEmpty ? (T)constructor.Invoke(values) : null;
    }

    /// <summary>
    /// The one value of a parameter: given twice it is refused (it would otherwise be read as "a,b"), and so is a NUL
    /// character, which PostgreSQL cannot store or compare.
    /// </summary>
    private static object? Single(Parameter parameter, Microsoft.Extensions.Primitives.StringValues given, ValidationErrors errors)
    {
        if (given.Count > 1)
        {
            errors.Add(parameter.Name, $"'{parameter.Name}' may be given only once.");
            return null;
        }

        var text = given.ToString();
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add(parameter.Name, $"'{parameter.Name}' must not contain the NUL character (U+0000).");
            return null;
        }

        return parameter.Parse(text, errors);
    }

    /// <summary>Every value of a list parameter, from repeated keys and comma lists; an empty item is refused.</summary>
    private static Array? List(Parameter parameter, Microsoft.Extensions.Primitives.StringValues given, ValidationErrors errors)
    {
        var texts = given.SelectMany(v => (v ?? "").Split(',')).Select(t => t.Trim()).ToList();
        if (texts.Any(t => t.Length == 0 || t.Contains('\0', StringComparison.Ordinal)))
        {
            errors.Add(parameter.Name, $"'{parameter.Name}' must list values separated by commas, none empty.");
            return null;
        }

        var items = texts.Select(t => parameter.Parse(t, errors)).ToList();
        var array = Array.CreateInstance(parameter.ElementType, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            array.SetValue(items[i], i);
        }

        return array;
    }

    private static class Shape<T>
    {
        public static readonly (ConstructorInfo Constructor, Parameter[] Parameters) Value = Read();

        private static (ConstructorInfo, Parameter[]) Read()
        {
            var constructor = typeof(T).GetConstructors().Single();
            return (constructor, [.. constructor.GetParameters().Select(p => new Parameter(p))]);
        }
    }

    private sealed class Parameter(ParameterInfo info)
    {
        private readonly Type _type = ElementOf(info.ParameterType);
        private readonly RangeAttribute? _range = info.GetCustomAttribute<RangeAttribute>();
        private readonly string[]? _allowed = info.GetCustomAttribute<AllowedValuesAttribute>()?.Values.Select(v => $"{v}").ToArray();
        private readonly bool _required = !info.HasDefaultValue && new NullabilityInfoContext().Create(info).WriteState == NullabilityState.NotNull;

        public string Name { get; } = JsonNamingPolicy.CamelCase.ConvertName(info.Name!);

        /// <summary>An array parameter: several values, each of <see cref="ElementType"/>.</summary>
        public bool IsList { get; } = info.ParameterType.IsArray;

        public Type ElementType => _type;

        private static Type ElementOf(Type type)
        {
            var element = type.IsArray ? type.GetElementType()! : type;
            return Nullable.GetUnderlyingType(element) ?? element;
        }

        public object? Missing(ValidationErrors errors)
        {
            if (_required)
            {
                errors.Add(Name, $"'{Name}' is required: {Expected()}.");
            }

            return info.HasDefaultValue ? info.DefaultValue : null;
        }

        public object? Parse(string text, ValidationErrors errors)
        {
            var (ok, value, expected) = _type switch
            {
                _ when _type == typeof(string) => (_allowed is null || _allowed.Contains(text, StringComparer.OrdinalIgnoreCase), text,
                    string.Join(" or ", _allowed ?? [])),
                _ when _type == typeof(long) || _type == typeof(int) => WholeNumber(text),
                _ when _type == typeof(decimal) => (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number),
                    number, "a number of at least 0 with a '.' for decimals, such as 10000000000 or 2.5"),
                _ when _type == typeof(DateOnly) => (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date),
                    date, "a date, yyyy-MM-dd"),
                _ when _type == typeof(DateTimeOffset) => (TryParseInstant(text, out var instant), instant,
                    "an ISO 8601 instant with an offset, such as 2026-02-01T12:00:00Z"),
                // Exact names only: Enum.TryParse would also take numbers and "A,B" lists (as flags).
                { IsEnum: true } => Enum.GetNames(_type).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } name
                    ? (true, Enum.Parse(_type, name), "")
                    : (false, null, $"one of {string.Join(", ", Enum.GetNames(_type))}"),
                _ => OwnType(text),
            };
            if (!ok)
            {
                errors.Add(Name, $"'{Name}' must be {expected}.");
            }

            return ok ? value : IsList ? null : Missing(new ValidationErrors());
        }

        private (bool, object?, string) WholeNumber(string text)
        {
            var (min, max) = _range is null ? (long.MinValue, long.MaxValue) : (Convert.ToInt64(_range.Minimum, CultureInfo.InvariantCulture), Convert.ToInt64(_range.Maximum, CultureInfo.InvariantCulture));
            var ok = long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max;
            return (ok, ok ? Convert.ChangeType(number, _type, CultureInfo.InvariantCulture) : null, $"a whole number from {min} to {max}");
        }

        private (bool, object?, string) OwnType(string text)
        {
            var tryParse = _type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), _type.MakeByRefType()])
                ?? throw new InvalidOperationException($"{_type.Name} has no static TryParse(string, out {_type.Name}) for query binding.");
            object?[] arguments = [text, null];
            return ((bool)tryParse.Invoke(null, arguments)!, arguments[1], Expected());
        }

        private string Expected() => _type.GetField("Expected", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string ?? _type.Name;
    }

    /// <summary>A stream version as a query gives it (digits, 1 or more), else null: a page reads versions through this, never a bind that throws.</summary>
    public static long? Version(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1 ? version : null;

    /// <summary>An ISO 8601 instant with its offset ("2026-02-01T12:00:00Z"), in UTC; a bare date or time is ambiguous.</summary>
    public static bool TryParseInstant(string value, out DateTimeOffset instant)
    {
        var hasOffset = value.EndsWith('Z') || value.EndsWith('z') || Offset().IsMatch(value);
        instant = default;
        if (!value.Contains('T', StringComparison.OrdinalIgnoreCase) || !hasOffset
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant))
        {
            return false;
        }

        // The event store compares instants in UTC (and Npgsql sends only offset 0).
        instant = instant.ToUniversalTime();
        return true;
    }

    [GeneratedRegex(@"[+-]\d{2}:?\d{2}$")]
    private static partial Regex Offset();
}
