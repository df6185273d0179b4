using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Negotiations.Web.Recording;

public enum FieldKind { Text, LongText, Number, Date, Choice, Check, Version, Hidden, Group, List }

/// <summary>
/// One member of a command as a form field, read off the command record itself: its JSON name (the field's name in
/// the form, so the API's errors, keyed by JSON path, land next to it), label, kind, whether it is required, its
/// default, its choices (an enum's names) and, for a nested record or a list of them, its members.
/// </summary>
public sealed record FormField(
    string Name, string Label, FieldKind Kind, bool Required, string? Default, IReadOnlyList<string> Choices, IReadOnlyList<FormField> Members)
{
    /// <summary>Rows a list of records offers (parties, tranches); rows left blank are not sent.</summary>
    public const int ListRows = 3;
}

/// <summary>Command records as forms, and a submitted form back as the command's JSON, read with the API's own reader.</summary>
public static partial class FormShape
{
    private static readonly HashSet<string> LongTexts =
        ["summary", "reason", "governance", "commitments", "statement", "eventReason", "conditions", "text", "answer"];

    /// <summary>Values a form suggests, filled in but changeable (the API itself has no default for them).</summary>
    private static readonly Dictionary<string, string> Suggested = new() { ["currency"] = "USD" };

    /// <summary>Members only intake fills in (the archived document a source was read from): no one types them.</summary>
    private static readonly HashSet<string> NotTyped = ["documentId", "quote"];

    private static readonly Dictionary<Type, IReadOnlyList<FormField>> Shapes = [];

    public static IReadOnlyList<FormField> Of(Type record)
    {
        lock (Shapes)
        {
            if (!Shapes.TryGetValue(record, out var shape))
            {
                Shapes[record] = shape = Read(record);
            }

            return shape;
        }
    }

    private static List<FormField> Read(Type record)
    {
        var constructor = record.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var nullability = new NullabilityInfoContext();
        return [.. constructor.GetParameters().Where(p => !NotTyped.Contains(JsonNamingPolicy.CamelCase.ConvertName(p.Name!))).Select(parameter =>
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            var nullable = Nullable.GetUnderlyingType(parameter.ParameterType) is not null
                || (!parameter.ParameterType.IsValueType && nullability.Create(parameter).WriteState != NullabilityState.NotNull);
            var required = !parameter.HasDefaultValue && !nullable;
            var defaultValue = parameter.HasDefaultValue && parameter.DefaultValue is { } d ? Convert.ToString(d, CultureInfo.InvariantCulture) : null;
            var label = Label(parameter.Name!);
            var element = type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? item : null;
            return type switch
            {
                _ when name == "expectedVersion" => new FormField(name, label, FieldKind.Hidden, false, null, [], []),
                _ when type == typeof(string) => new FormField(
                    name, label, LongTexts.Contains(name) ? FieldKind.LongText : FieldKind.Text, required, defaultValue ?? Suggested.GetValueOrDefault(name), [], []),
                { IsEnum: true } => new FormField(name, label, FieldKind.Choice, required, defaultValue, Enum.GetNames(type), []),
                _ when type == typeof(DateOnly) => new FormField(name, label, FieldKind.Date, required, null, [], []),
                _ when type == typeof(bool) => new FormField(name, label, FieldKind.Check, false, defaultValue, [], []),
                _ when type == typeof(long) && name.EndsWith("Version", StringComparison.Ordinal) => new FormField(name, label, FieldKind.Version, required, null, [], []),
                _ when type == typeof(decimal) || type == typeof(long) || type == typeof(int) => new FormField(name, label, FieldKind.Number, required, null, [], []),
                _ when element is { IsClass: true } && element != typeof(string) => new FormField(name, label, FieldKind.List, required, null, [], Read(element)),
                { IsClass: true } when type != typeof(string) && type.Assembly == record.Assembly => new FormField(name, label, FieldKind.Group, required, null, [], Read(type)),
                _ => new FormField(name, label, FieldKind.Text, required, defaultValue, [], []),
            };
        })];
    }

    /// <summary>"publishedOn" → "Published on", "stakePercent" → "Stake percent".</summary>
    public static string Label(string name)
    {
        var words = Words().Replace(name, " $1").Trim().ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>
    /// The command's JSON from a submitted form: blank fields are left out (the API's defaults apply), a nested record or
    /// list row only when something was typed in it (choices alone do not count: they always hold a value), numbers as
    /// JSON numbers when they read as such (separators "," "_" and spaces dropped), anything else as typed, so that the
    /// API's reader refuses it with its own message.
    /// </summary>
    public static JsonObject ToJson(IReadOnlyList<FormField> fields, IFormCollection form, string prefix = "")
    {
        var json = new JsonObject();
        foreach (var field in fields)
        {
            var path = prefix + field.Name;
            switch (field.Kind)
            {
                case FieldKind.Group when Entered(field.Members, form, path + "."):
                    json[field.Name] = ToJson(field.Members, form, path + ".");
                    break;
                case FieldKind.List:
                    var rows = new JsonArray();
                    for (var row = 0; row < FormField.ListRows; row++)
                    {
                        if (Entered(field.Members, form, $"{path}[{row}]."))
                        {
                            rows.Add(ToJson(field.Members, form, $"{path}[{row}]."));
                        }
                    }

                    if (rows.Count > 0)
                    {
                        json[field.Name] = rows;
                    }

                    break;
                case FieldKind.Group:
                    break;
                default:
                    var text = form[path].ToString();
                    if (text.Length > 0 && !(field.Kind != FieldKind.LongText && field.Kind != FieldKind.Text && string.IsNullOrWhiteSpace(text)))
                    {
                        json[field.Name] = Value(field.Kind, text);
                    }

                    break;
            }
        }

        return json;
    }

    /// <summary>
    /// Whether anything was typed under a nested record or list row: choices always hold a value and suggested values are
    /// filled in, so neither counts.
    /// </summary>
    public static bool Entered(IReadOnlyList<FormField> fields, IFormCollection form, string prefix) =>
        fields.Any(field => field.Kind switch
        {
            FieldKind.Group => Entered(field.Members, form, $"{prefix}{field.Name}."),
            FieldKind.List => Enumerable.Range(0, FormField.ListRows).Any(row => Entered(field.Members, form, $"{prefix}{field.Name}[{row}].")),
            FieldKind.Choice or FieldKind.Hidden => false,
            _ => form[prefix + field.Name].ToString() is var value && !string.IsNullOrWhiteSpace(value) && value != field.Default,
        });

    private static JsonNode? Value(FieldKind kind, string text)
    {
        switch (kind)
        {
            case FieldKind.Number or FieldKind.Version or FieldKind.Hidden:
                var number = Separators().Replace(text.Trim(), "");
                return JsonNumber().IsMatch(number) ? JsonNode.Parse(number) : JsonValue.Create(text);
            case FieldKind.Check:
                return JsonValue.Create(text is "on" or "true");
            default:
                return JsonValue.Create(text);
        }
    }

    [GeneratedRegex("([A-Z])")]
    private static partial Regex Words();

    [GeneratedRegex("[,_ ]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
