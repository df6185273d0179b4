using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Negotiations.TamperEvidence;

/// <summary>
/// One text for equal JSON values, whoever wrote them: PostgreSQL's jsonb reorders keys and re-spaces what it stores,
/// so the chain hashes this form, computed alike from the serializer's output and from the stored <c>data::text</c>.
/// <list type="bullet">
/// <item>No whitespace; object members sorted by name, ordinally (UTF-16 code units, as RFC 8785).</item>
/// <item>Strings escape only <c>"</c>, <c>\</c> and control characters (<c>\b \f \n \r \t</c>, else <c>\u00xx</c>
/// lowercase); everything else is written as itself, in UTF-8 once hashed (as RFC 8785).</item>
/// <item>Numbers in PostgreSQL <c>numeric</c>'s own text form, which is what jsonb gives back: no exponent, no leading
/// zeros, the scale kept (<c>1.50</c> stays <c>1.50</c>; <c>1.5e3</c> becomes <c>1500</c>), no <c>-0</c>.</item>
/// <item><c>true</c>, <c>false</c>, <c>null</c> as such. Duplicate member names are refused: jsonb would keep one.</item>
/// </list>
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    public static string From(string json)
    {
        using var document = JsonDocument.Parse(json, Strict);
        var output = new StringBuilder(json.Length);
        Write(document.RootElement, output);
        return output.ToString();
    }

    private static void Write(JsonElement element, StringBuilder output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                output.Append('{');
                var first = true;
                foreach (var member in element.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    output.Append(first ? "" : ",");
                    first = false;
                    WriteString(member.Name, output);
                    output.Append(':');
                    Write(member.Value, output);
                }

                output.Append('}');
                break;
            case JsonValueKind.Array:
                output.Append('[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    output.Append(index++ == 0 ? "" : ",");
                    Write(item, output);
                }

                output.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, output);
                break;
            case JsonValueKind.Number:
                output.Append(Number(element.GetRawText()));
                break;
            default:
                output.Append(element.GetRawText());
                break;
        }
    }

    private static void WriteString(string value, StringBuilder output)
    {
        output.Append('"');
        foreach (var c in value)
        {
            output.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        output.Append('"');
    }

    /// <summary>A JSON number as PostgreSQL's numeric prints it: digits, and a point only when the scale is above 0.</summary>
    internal static string Number(string json)
    {
        var negative = json.StartsWith('-');
        var unsigned = negative ? json[1..] : json;
        var exponentAt = unsigned.IndexOfAny(['e', 'E']);
        var exponent = exponentAt < 0 ? 0 : int.Parse(unsigned[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? unsigned : unsigned[..exponentAt];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var scale = (point < 0 ? 0 : mantissa.Length - point - 1) - exponent;
        if (scale < 0)
        {
            digits += new string('0', -scale);
            scale = 0;
        }

        digits = digits.TrimStart('0').PadLeft(scale + 1, '0');
        var text = scale == 0 ? digits : $"{digits[..^scale]}.{digits[^scale..]}";
        return negative && digits.Any(d => d != '0') ? "-" + text : text;
    }
}
