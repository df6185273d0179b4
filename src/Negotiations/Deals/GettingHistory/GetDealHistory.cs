using JasperFx.Events;
using Marten;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Deals.GettingHistory;

/// <summary>One recorded event: when it happened (as reported), when and by whom it was recorded, its source and data.</summary>
public sealed record HistoryEntry(
    long Version, string Type, DateOnly OccurredOn, DateTimeOffset RecordedAt, string RecordedBy, Source Source, object Data);

/// <summary>A page of a deal's history; <c>NextFromVersion</c> is where the next page starts, null on the last one.</summary>
public sealed record DealHistory(Guid Id, IReadOnlyList<HistoryEntry> Events, long? NextFromVersion);

public static class GetDealHistoryEndpoint
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 5000;

    /// <summary>
    /// Every event of the deal in stream order, read straight from the event store (an index range scan on stream and
    /// version), so a deal with thousands of events costs one indexed query a page and no projection upkeep per write.
    /// </summary>
    [WolverineGet("/api/deals/{id}/history")]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = context.Request.Query;
        var fromVersion = query.WholeNumber("fromVersion", 1, 1, long.MaxValue, errors);
        var limit = (int)query.WholeNumber("limit", DefaultLimit, 1, MaxLimit, errors);
        query.RejectUnknown(errors, "fromVersion", "limit");
        if (!errors.IsEmpty)
        {
            return Results.Problem(errors.ToProblem());
        }

        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == id && e.Version >= fromVersion)
            .OrderBy(e => e.Version)
            .Take(limit + 1)
            .ToListAsync(cancellationToken);
        if (events.Count == 0 && await session.Events.FetchStreamStateAsync(id, cancellationToken) is null)
        {
            return Results.Problem(Problems.DealNotFound(id));
        }

        var page = events.Take(limit).Select(ToEntry).ToList();
        long? next = events.Count > limit ? events[limit].Version : null;
        return Results.Ok(new DealHistory(id, page, next));
    }

    private static HistoryEntry ToEntry(IEvent e)
    {
        var data = (IDealEvent)e.Data;
        return new HistoryEntry(e.Version, e.EventTypeName, data.OccurredOn, e.Timestamp, e.UserName ?? RecordedBy.Anonymous, data.Source, e.Data);
    }
}
