using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.Net.Http.Headers;

namespace Negotiations.Infrastructure;

/// <summary>
/// RFC 4180 CSV for the exports, written by CsvHelper: a header row, CRLF after every record, and a field quoted (its
/// quotes doubled) when it holds a comma, quote, CR or LF, so any CSV reader gets back exactly the text written. A
/// cell that a spreadsheet would run as a formula (one starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, TAB or CR,
/// which texts and even request headers can) is written with a leading apostrophe and quoted: spreadsheets show it as
/// text. The JSON answers keep the value as recorded.
/// </summary>
public static class Csv
{
    public const string MediaType = "text/csv";

    private static readonly CsvWriterOptions Rfc4180 = CsvWriterOptions.Default with
    {
        Separator = ',',
        NewLine = "\r\n",
        ValidateFieldCount = true,
        Injection = CsvInjection.Escape,
    };

    /// <summary>The whole document: the header row, then one record per row, each as wide as the header (else it throws).</summary>
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Rfc4180, leaveOpen: true))
        {
            csv.WriteRecord([.. header]);
            foreach (var row in rows)
            {
                if (row.Count != header.Count)
                {
                    throw new ArgumentException($"A row has {row.Count} fields; the header has {header.Count}.", nameof(rows));
                }

                csv.WriteRecord([.. row]);
            }
        }

        return text.ToString();
    }

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
    /// Whether the caller asked for CSV: a <c>format</c> parameter (json or csv) decides; without one, an <c>Accept</c>
    /// naming text/csv does.
    /// </summary>
    public static bool Requested(HttpRequest request, string? format)
    {
        // Either answer depends on Accept, so a cache must not hand the CSV to a caller who asked for JSON.
        request.HttpContext.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        return format is not null
            ? string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            : request.GetTypedHeaders().Accept.Any(accept =>
                accept.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase) && accept.Quality is not 0);
    }

    /// <summary>The answer: text/csv; charset=utf-8.</summary>
    public static IResult Result(string csv) => Results.Text(csv, MediaType, Encoding.UTF8);
}
