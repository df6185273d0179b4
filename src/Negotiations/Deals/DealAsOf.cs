using JasperFx.Events;
using Marten;

namespace Negotiations.Deals;

/// <summary>
/// The deal's status at a point of either time axis, folded from the stream: every view of the past (the status as of
/// a version or instant, the diff between two points) reads it here, so they all agree on what "known then" means.
/// </summary>
public static class DealAsOf
{
    // Stryker disable all : a database read; the API tests cover it, the unit tier (scripts/mutation.sh) cannot reach it
    /// <summary>
    /// The status after event <paramref name="version"/> and/or as recorded by <paramref name="asOf"/>, keeping only what
    /// had happened by <paramref name="occurredBy"/>; null when nothing was known then (or the version does not exist yet).
    /// </summary>
    public static async Task<Deal?> FoldAsync(
        Guid id, long? version, DateTimeOffset? asOf, DateOnly? occurredBy, IQuerySession session, CancellationToken cancellationToken)
    {
        var events = session.Events.QueryAllRawEvents().Where(e => e.StreamId == id);
        if (version is { } last)
        {
            events = events.Where(e => e.Version <= last);
        }

        return Fold(id, await events.OrderBy(e => e.Version).ToListAsync(cancellationToken), version, asOf, occurredBy);
    }
    /// <summary>The event recorded as version <paramref name="version"/> of the deal's stream, or null: one indexed read.</summary>
    public static Task<IEvent?> EventAsync(IQuerySession session, Guid id, long version, CancellationToken cancellationToken) =>
        session.Events.QueryAllRawEvents().Where(e => e.StreamId == id && e.Version == version).FirstOrDefaultAsync(cancellationToken);

    // Stryker restore all

    /// <summary>The same, from events already read (in version order, from version 1, at least up to the point).</summary>
    public static Deal? Fold(Guid id, IReadOnlyList<IEvent> stream, long? version, DateTimeOffset? asOf, DateOnly? occurredBy)
    {
        var known = Known(stream, version, asOf);
        if (version is not null && known.Count > 0 && known[^1].Version < version)
        {
            return null;
        }

        return DealTimeline.Fold(id, known, occurredBy);
    }

    /// <summary>The events known at the point: up to <paramref name="version"/> and/or recorded by <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<IEvent> Known(IReadOnlyList<IEvent> stream, long? version, DateTimeOffset? asOf)
    {
        IReadOnlyList<IEvent> known = version is { } last ? [.. stream.TakeWhile(e => e.Version <= last)] : stream;
        if (asOf is { } instant)
        {
            // What was known then is a prefix of the stream: up to the last event recorded by that instant. Cutting by
            // version, not by each timestamp, keeps it a prefix even if two servers' clocks disagreed slightly.
            var lastKnown = known.LastOrDefault(e => e.Timestamp <= instant)?.Version ?? 0;
            known = [.. known.TakeWhile(e => e.Version <= lastKnown)];
        }

        return known;
    }

    /// <summary>The 404 detail when <see cref="FoldAsync"/> found nothing for a deal that exists.</summary>
    public static string NotKnownYet(Guid id, long? version, DateTimeOffset? asOf, DateOnly? occurredBy) =>
        (version, asOf) switch
        {
            ({ } v, _) when occurredBy is null => $"Deal {id} has no version {v} yet.",
            (_, { } at) when occurredBy is null => $"Deal {id} had not been recorded yet at {at:O}.",
            _ => $"Nothing recorded about deal {id}{(asOf is { } t ? $" by {t:O}" : "")}{(version is { } n ? $" up to version {n}" : "")} had happened by {occurredBy:yyyy-MM-dd}.",
        };
}
