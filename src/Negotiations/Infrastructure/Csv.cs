using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace Negotiations.Infrastructure;

/// <summary>
/// RFC 4180 CSV for the exports: a header row, CRLF after every record, and a field quoted (its quotes doubled) when it
/// holds a comma, quote, CR or LF, so any CSV reader gets back exactly the text written.
/// </summary>
public static class Csv
{
    public const string MediaType = "text/csv";

    /// <summary>The whole document: the header row, then one record per row, each as wide as the header.</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var csv = new StringBuilder();
        AppendRecord(csv, header);
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
            {
                throw new ArgumentException($"A row has {row.Count} fields; the header has {header.Count}.", nameof(rows));
            }

            AppendRecord(csv, row);
        }

        return csv.ToString();
    }

    /// <summary>One field, quoted only when it must be, so plain values stay readable in any editor.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>
    /// A JSON value as one cell, so the CSV says exactly what the JSON answer says: a string as its text, null as an
    /// empty cell, a number or boolean as written in the JSON, an object or array as its compact JSON.
    /// </summary>
    public static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };

    /// <summary>
    /// Whether the caller asked for CSV: <c>format=csv</c> (or <c>json</c>) decides; without it, an <c>Accept</c> naming
    /// text/csv does. Any other format is an error naming 'format'.
    /// </summary>
    public static bool Requested(HttpRequest request, ValidationErrors errors)
    {
        // Either answer depends on Accept, so a cache must not hand the CSV to a caller who asked for JSON.
        request.HttpContext.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        if (request.Query.TryGetValue("format", out var format))
        {
            var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
            errors.Require(csv || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase), "format", "'format' must be json or csv.");
            return csv;
        }

        return request.GetTypedHeaders().Accept.Any(accept =>
            accept.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase) && accept.Quality is not 0);
    }

    /// <summary>The answer: text/csv; charset=utf-8.</summary>
    public static IResult Result(string csv) => Results.Text(csv, MediaType, Encoding.UTF8);

    private static void AppendRecord(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Field(fields[i]));
        }

        csv.Append("\r\n");
    }
}
