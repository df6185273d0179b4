using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Npgsql;
using Wolverine.Http;

namespace Negotiations.Alerts.Changes;

/// <summary>One event of any stream, as the change feed gives it: where it is in commit order (<c>cursor</c>) and where to read more.</summary>
public sealed record Change(long Cursor, string StreamKind, Guid StreamId, string EventType, long Version, DateTimeOffset RecordedAt, string Href);

/// <summary>A page of the change feed and the cursor to ask after next (the same as <c>after</c> when nothing was new).</summary>
public sealed record ChangePage(IReadOnlyList<Change> Items, long Next);

/// <summary>The query of <c>GET /api/changes</c>.</summary>
public sealed record ChangesQuery(
    [Range(typeof(long), "0", "9223372036854775807")] long After = 0,
    [Range(1, GetChangesEndpoint.MaxLimit)] int Limit = GetChangesEndpoint.DefaultLimit,
    [Range(0, GetChangesEndpoint.MaxWaitSeconds)] int Wait = 0);

public static class GetChangesEndpoint
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public const int MaxWaitSeconds = 30;
    public const string EventStream = "text/event-stream";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Every event of every stream in commit order, only up to Marten's high-water mark: an event whose transaction
    /// commits late (a lower sequence number than one already visible) is never skipped, because nothing past a gap is
    /// handed out until the gap is filled or known to be a rolled-back number. <c>wait</c> long-polls (up to 30 s) when
    /// nothing is new; <c>Accept: text/event-stream</c> streams the feed as Server-Sent Events, resuming after
    /// <c>Last-Event-ID</c>.
    /// </summary>
    [ProducesResponseType<ChangePage>(StatusCodes.Status200OK, "application/json", EventStream)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [EndpointSummary("The change feed: every event of every stream, in commit order")]
    [QueryRecord(typeof(ChangesQuery))]
    [WolverineGet("/api/changes")]
    public static async Task<IResult> Get(HttpContext context, IDocumentStore store, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (QueryParameters.Bind<ChangesQuery>(context.Request.Query, errors) is not var (after, limit, wait))
        {
            return Results.Problem(errors.ToProblem());
        }

        if (context.Request.Headers.Accept.Any(a => a?.Contains(EventStream, StringComparison.OrdinalIgnoreCase) == true))
        {
            var resume = long.TryParse(context.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : after;
            await StreamAsync(context, store, resume, limit, cancellationToken);
            return Results.Empty;
        }

        var deadline = DateTimeOffset.UtcNow.AddSeconds(wait);
        var page = await ReadAsync(store, after, limit, cancellationToken);
        while (page.Count == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(Poll, cancellationToken);
            page = await ReadAsync(store, after, limit, cancellationToken);
        }

        return Results.Ok(new ChangePage(page, page.Count > 0 ? page[^1].Cursor : after));
    }

    // Stryker disable all : a stream that ends when the client goes; the API tests read it
    private static async Task StreamAsync(HttpContext context, IDocumentStore store, long after, int limit, CancellationToken cancellationToken)
    {
        context.Response.ContentType = EventStream;
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.FlushAsync(cancellationToken);
        var json = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var idle = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var page = await ReadAsync(store, after, limit, cancellationToken);
                foreach (var change in page)
                {
                    await context.Response.WriteAsync($"id: {change.Cursor}\nevent: change\ndata: {JsonSerializer.Serialize(change, json)}\n\n", cancellationToken);
                    after = change.Cursor;
                }

                if (page.Count > 0)
                {
                    idle = 0;
                    await context.Response.Body.FlushAsync(cancellationToken);
                    continue;
                }

                // A comment now and then keeps proxies from closing a quiet stream.
                if (++idle % 150 == 0)
                {
                    await context.Response.WriteAsync(": still here\n\n", cancellationToken);
                    await context.Response.Body.FlushAsync(cancellationToken);
                }

                await Task.Delay(Poll, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: the stream ends.
        }
    }

    /// <summary>The events after <paramref name="after"/> up to the high-water mark, oldest first.</summary>
    public static async Task<IReadOnlyList<Change>> ReadAsync(IDocumentStore store, long after, int limit, CancellationToken cancellationToken)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            select seq_id, stream_id, type, version, timestamp from {schema}.mt_events
            where seq_id > $1 and is_archived = false
              and seq_id <= (select coalesce(max(last_seq_id), 0) from {schema}.mt_event_progression where name = 'HighWaterMark')
            order by seq_id limit $2
            """, connection)
        {
            Parameters = { new() { Value = after }, new() { Value = limit } },
        };
        var changes = new List<Change>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var type = reader.GetString(2);
            var kind = AlertRules.StreamKind(type);
            var stream = reader.GetGuid(1);
            changes.Add(new Change(reader.GetInt64(0), kind, stream, type, reader.GetInt64(3), reader.GetFieldValue<DateTimeOffset>(4), AlertRules.Href(kind, stream)));
        }

        return changes;
    }
    // Stryker restore all
}
