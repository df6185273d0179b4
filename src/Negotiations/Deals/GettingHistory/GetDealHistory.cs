using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using JasperFx.Events;
using Marten;
using Npgsql;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Negotiations.Infrastructure;
using Negotiations.Security;
using Wolverine.Http;

namespace Negotiations.Deals.GettingHistory;

/// <summary>
/// One recorded event exactly as stored: when it happened (as reported; none for a correction), when, by whom and in
/// which request it was recorded, its source, its data, and which later events corrected or retracted it.
/// </summary>
public sealed record HistoryEntry(
    long Version,
    string Type,
    DateOnly? OccurredOn,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string? CorrelationId,
    string? CausationId,
    Source? Source,
    IReadOnlyList<long> CorrectedBy,
    long? RetractedBy,
    object Data);

/// <summary>A page of a deal's history; <c>NextFromVersion</c> is where the next page starts, null on the last one.</summary>
public sealed record DealHistory(Guid Id, IReadOnlyList<HistoryEntry> Events, long? NextFromVersion);

/// <summary>The query of <c>GET /api/deals/{id}/history</c>: where the page starts, how long it is, and JSON or CSV.</summary>
public sealed record HistoryQuery(
    [Range(typeof(long), "1", "9223372036854775807")] long FromVersion = 1,
    [Range(1, GetDealHistoryEndpoint.MaxLimit)] int Limit = GetDealHistoryEndpoint.DefaultLimit,
    [AllowedValues("json", "csv")] string? Format = null);

public static class GetDealHistoryEndpoint
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 5000;

    /// <summary>Where the next page starts, on JSON and CSV answers alike (a CSV body has no room for it).</summary>
    public const string NextFromVersionHeader = "X-Next-From-Version";

    /// <summary>The CSV columns, in this order for good: the event's members with its source spread out, data as JSON.</summary>
    public static readonly string[] CsvColumns =
    [
        "version", "type", "occurredOn", "recordedAt", "recordedBy", "correlationId", "causationId",
        "publication", "attribution", "url", "publishedOn", "correctedBy", "retractedBy", "data",
    ];

    /// <summary>
    /// Every event of the deal in stream order, read straight from the event store (an index range scan on stream and
    /// version), so a deal with thousands of events costs one indexed query a page and no projection upkeep per write.
    /// As JSON or (<c>format=csv</c> or <c>Accept: text/csv</c>) as CSV, one row per event, in the same pages.
    /// </summary>
    [ProducesResponseType<DealHistory>(StatusCodes.Status200OK, "application/json", "text/csv")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("A deal's recorded history (JSON or CSV)")]
    [QueryRecord(typeof(HistoryQuery))]
    [ResponseHeader(StatusCodes.Status200OK, NextFromVersionHeader, "Where the next page starts (absent on the last page).")]
    [ResponseHeader(StatusCodes.Status200OK, "Link", "The next page, `rel=\"next\"`.")]
    [WolverineGet("/api/deals/{id}/history")]
    public static async Task<IResult> Get(
        Guid id, HttpContext context, IQuerySession session, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (QueryParameters.Bind<HistoryQuery>(context.Request.Query, errors) is not var (fromVersion, limit, format))
        {
            return Results.Problem(errors.ToProblem());
        }

        var csv = Csv.Requested(context.Request, format);

        var (events, fixes, known) = await ReadAsync(session, id, fromVersion, limit + 1, cancellationToken);
        if (events.Count == 0 && !known)
        {
            return Results.Problem(DealProblems.NotFound(id));
        }

        var marks = TimelineMarks.Of(fixes);
        var page = events.Take(limit).Select(e => new HistoryEntry(
            e.Version, e.EventTypeName, (e.Data as IDealEvent)?.OccurredOn, e.Timestamp, e.UserName ?? RecordedBy.Anonymous,
            e.CorrelationId, e.CausationId, (e.Data as IDealEvent)?.Source, marks.CorrectedBy[e.Version].ToList(),
            marks.RetractionOf(e.Version), e.Data)).ToList();
        long? next = events.Count > limit ? events[limit].Version : null;
        if (next is { } nextVersion)
        {
            var formatParameter = format is null ? "" : $"&format={Uri.EscapeDataString(format)}";
            context.Response.Headers[NextFromVersionHeader] = nextVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers[HeaderNames.Link] =
                $"<{context.Request.PathBase}{context.Request.Path}?fromVersion={nextVersion}&limit={limit}{formatParameter}>; rel=\"next\"";
        }

        var history = new DealHistory(id, page, next);
        return csv ? Csv.Result(ToCsv(history, json.Value.SerializerOptions)) : Results.Ok(history);
    }

    private static readonly Dictionary<string, Type> EventTypes = DealEventTypes.Names.ToDictionary(name => name.Value, name => name.Key);

    private static readonly string[] DealTypes = [.. EventTypes.Keys];

    /// <summary>
    /// One round trip: the page (up to <paramref name="count"/> events from <paramref name="fromVersion"/>), every
    /// correction and retraction of the stream (they may come after the page; few, one indexed query) and whether the
    /// stream exists. Each event's data is read with Marten's serializer from the row's bytes, synchronously: Marten's own
    /// event query deserialises each row from an async stream, several times slower on a page of thousands.
    /// </summary>
    private static async Task<(List<IEvent> Events, List<IEvent> Fixes, bool Known)> ReadAsync(
        IQuerySession session, Guid id, long fromVersion, int count, CancellationToken cancellationToken)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new($"""
                     select version, type, data, timestamp, user_name, correlation_id, causation_id from {schema}.mt_events
                     where stream_id = $1 and version >= $2 and type = any($4) and is_archived = false order by version limit $3
                     """) { Parameters = { new() { Value = id }, new() { Value = fromVersion }, new() { Value = count }, new() { Value = DealTypes } } },
                new($"""
                     select version, type, data, timestamp, user_name, correlation_id, causation_id from {schema}.mt_events
                     where stream_id = $1 and type = any($2) and is_archived = false
                     """) { Parameters = { new() { Value = id }, new() { Value = FixTypes } } },
                // A deal's stream: another kind (a round's, a party's) is no deal, whatever its id.
                new($"select count(*) from {schema}.mt_events where stream_id = $1 and version = 1 and type = any($2)")
                {
                    Parameters = { new() { Value = id }, new() { Value = DealTypes } },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var serializer = session.DocumentStore.Advanced.Serializer;
        var events = await ReadEventsAsync(reader, serializer, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var fixes = await ReadEventsAsync(reader, serializer, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (events, fixes, reader.GetInt64(0) > 0);
    }

    private static readonly string[] FixTypes = [DealEventTypes.Names[typeof(RecordingCorrected)], DealEventTypes.Names[typeof(ReportRetracted)]];

    private static async Task<List<IEvent>> ReadEventsAsync(NpgsqlDataReader reader, ISerializer serializer, CancellationToken cancellationToken)
    {
        var events = new List<IEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var type = reader.GetString(1);
            var data = serializer.FromJson(EventTypes[type], reader, 2);
            events.Add(new Event<object>(data)
            {
                Version = reader.GetInt64(0),
                EventTypeName = type,
                Timestamp = reader.GetFieldValue<DateTimeOffset>(3),
                UserName = reader.IsDBNull(4) ? null : reader.GetString(4),
                CorrelationId = reader.IsDBNull(5) ? null : reader.GetString(5),
                CausationId = reader.IsDBNull(6) ? null : reader.GetString(6),
            });
        }

        return events;
    }

    /// <summary>Cells are taken from the JSON answer itself, so both formats always say the same.</summary>
    private static string ToCsv(DealHistory history, JsonSerializerOptions options)
    {
        var events = JsonSerializer.SerializeToElement(history.Events, options);
        var rows = events.EnumerateArray().Select(e => (IReadOnlyList<string>)CsvColumns.Select(column => Csv.Cell(column switch
        {
            "publication" or "attribution" or "url" or "publishedOn" => e.GetProperty("source") is { ValueKind: JsonValueKind.Object } source
                ? source.GetProperty(column)
                : default,
            _ => e.GetProperty(column),
        })).ToList());
        return Csv.Write(CsvColumns, rows);
    }
}
